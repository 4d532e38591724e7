package io.rootfix.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text as a person writes it: line breaks and tabs, but no other control characters (NUL, escape
 * sequences, C1 controls). Those never come from a keyboard, and they corrupt logs, exports, messages to
 * the customer and the screens staff read. Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoControlCharacters.Validator.class)
public @interface NoControlCharacters {

  String MESSAGE = "must not contain control characters (only line breaks and tabs are allowed)";

  String message() default MESSAGE;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<NoControlCharacters, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return isClean(value);
    }

    /** The same rule for input that is not a bean, such as task form variables. */
    public static boolean isClean(String value) {
      return value == null
          || value.chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
  }
}
