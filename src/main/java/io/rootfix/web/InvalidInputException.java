package io.rootfix.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

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

  /** Bean-validation violations by field, several on one field joined with "; ". */
  public static Map<String, String> byField(Collection<? extends ConstraintViolation<?>> violations) {
    Map<String, String> errors = new LinkedHashMap<>();
    violations.forEach(v -> errors.merge(v.getPropertyPath().toString(), v.getMessage(), (a, b) -> a + "; " + b));
    return errors;
  }

  /** The value if it breaks none of its constraints; otherwise refused naming every bad field. */
  public static <T> T requireValid(Validator validator, T value) {
    Map<String, String> errors = byField(validator.validate(value));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return value;
  }

  public Map<String, String> getFieldErrors() {
    return fieldErrors;
  }
}
