package io.rootfix.web;

import java.util.Map;
import java.util.stream.Collectors;

/** Input that breaks a rule; names every bad field so the agent or the caller can correct it. */
public class InvalidInputException extends RuntimeException {

  private final Map<String, String> fieldErrors;

  public InvalidInputException(Map<String, String> fieldErrors) {
    super(fieldErrors.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining("; ")));
    this.fieldErrors = Map.copyOf(fieldErrors);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(Map.of(field, message));
  }

  public Map<String, String> getFieldErrors() {
    return fieldErrors;
  }
}
