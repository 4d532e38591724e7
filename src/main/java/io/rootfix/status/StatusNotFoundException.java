package io.rootfix.status;

/**
 * No status for this tracking number and contact. The same for an unknown number and for a contact that
 * is not the customer's, so nobody can find out which tracking numbers exist.
 */
class StatusNotFoundException extends RuntimeException {

  StatusNotFoundException() {
    super("We found no complaint with this tracking number and this e-mail address or phone number.");
  }
}
