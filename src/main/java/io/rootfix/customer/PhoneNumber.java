package io.rootfix.customer;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * A phone number we can call: written with digits, spaces, +, - and brackets only, and possible for its
 * country (a number without a country code is taken as dialled in {@code rootfix.customer.default-region}).
 * Null is valid.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PhoneNumber.Validator.class)
public @interface PhoneNumber {

  String message() default "must be a phone number we can call, such as +31 6 12345678 (digits, spaces, +, - and brackets)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<PhoneNumber, String> {

    // libphonenumber reads numbers out of any text; only what a person types as a number may reach it.
    private static final Pattern WRITTEN_AS_NUMBER = Pattern.compile("[+0-9 ()\\-]{6,32}");

    private final ContactNormaliser normaliser;

    public Validator(ContactNormaliser normaliser) {
      this.normaliser = normaliser;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank()
          || (WRITTEN_AS_NUMBER.matcher(value).matches() && normaliser.phone(value) != null);
    }
  }
}
