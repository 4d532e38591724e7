package io.rootfix.web;

/** The request is fine, but the thing it acts on is not in a state that allows it (HTTP 409). */
public class ConflictException extends RuntimeException {

  public ConflictException(String message) {
    super(message);
  }
}
