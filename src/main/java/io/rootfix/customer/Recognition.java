package io.rootfix.customer;

/**
 * The customer behind a contact. {@code identityConflict} says, for an agent to sort out, when the
 * contact's details point to more than one known customer; null when they agree.
 */
public record Recognition(Customer customer, String identityConflict) {}
