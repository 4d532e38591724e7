package io.rootfix.complaint;

public class ComplaintNotFoundException extends RuntimeException {

  public ComplaintNotFoundException(String trackingNumber) {
    super("No complaint with tracking number " + trackingNumber);
  }
}
