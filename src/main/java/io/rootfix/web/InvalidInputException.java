package io.rootfix.web;

import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import java.util.stream.Collectors;

/**
 * Input that breaks a rule; names every bad field so the agent or the caller can correct it. The engine's
 * {@link FormFieldValidationException}, so both REST APIs of the engine (the one Tasklist calls and
 * {@code /engine-rest}) answer a submitted form with 400 and the message, never a 500.
 */
public class InvalidInputException extends FormFieldValidationException {

  private final Map<String, String> fieldErrors;

  public InvalidInputException(Map<String, String> fieldErrors) {
    super(Map.copyOf(fieldErrors), fieldErrors.entrySet().stream()
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
