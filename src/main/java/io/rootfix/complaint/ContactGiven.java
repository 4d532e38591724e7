package io.rootfix.complaint;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** We must be able to reach the customer: an e-mail address or a phone number, or both. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ContactGiven.Validator.class)
public @interface ContactGiven {

  String message() default "give an e-mail address or a phone number (customerEmail or customerPhone)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ContactGiven, IntakeForm> {
    @Override
    public boolean isValid(IntakeForm form, ConstraintValidatorContext context) {
      if (form == null || isGiven(form.customerEmail()) || isGiven(form.customerPhone())) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
          .addPropertyNode("customerEmail")
          .addConstraintViolation();
      return false;
    }

    private static boolean isGiven(String value) {
      return value != null && !value.isBlank();
    }
  }
}
