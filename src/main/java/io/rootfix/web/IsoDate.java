package io.rootfix.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A date as forms and JSON carry it: {@code yyyy-MM-dd}; with {@code notPast}, today or later in the
 * customer's time zone. Null and blank are valid (use {@code @NotBlank} for required dates).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = IsoDate.Validator.class)
public @interface IsoDate {

  String message() default "must be a date like 2026-12-31";

  boolean notPast() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<IsoDate, String> {

    private final Clock clock;
    private boolean notPast;

    public Validator(Clock clock) {
      this.clock = clock;
    }

    @Override
    public void initialize(IsoDate annotation) {
      this.notPast = annotation.notPast();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.isBlank()) {
        return true;
      }
      LocalDate date;
      try {
        date = LocalDate.parse(value.trim());
      } catch (DateTimeParseException e) {
        return false;
      }
      if (notPast && date.isBefore(LocalDate.now(clock))) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("must not be in the past").addConstraintViolation();
        return false;
      }
      return true;
    }
  }
}
