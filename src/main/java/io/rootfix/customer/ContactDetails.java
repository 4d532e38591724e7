package io.rootfix.customer;

/**
 * How a customer introduced themselves on one contact, as they wrote it. Any of the ways to reach them
 * may be missing, but not all.
 */
public record ContactDetails(String name, String email, String phone, HandleNetwork handleNetwork, String handle) {}
