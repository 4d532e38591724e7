package io.rootfix.web;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import java.util.stream.Collectors;

/**
 * Input that breaks a rule; names every bad field so the agent or the caller can correct it. A
 * {@link BadUserRequestException}, so both REST APIs of the engine (the one Tasklist calls and
 * {@code /engine-rest}) answer 400 with the message, never a 500.
 */
public class InvalidInputException extends BadUserRequestException {

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
