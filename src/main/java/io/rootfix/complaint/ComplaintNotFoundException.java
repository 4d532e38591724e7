package io.rootfix.complaint;

import io.rootfix.web.NotFoundException;

public class ComplaintNotFoundException extends NotFoundException {

  public ComplaintNotFoundException(String trackingNumber) {
    super("No complaint with tracking number " + trackingNumber);
  }
}
