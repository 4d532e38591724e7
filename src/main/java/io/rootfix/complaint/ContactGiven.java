package io.rootfix.complaint;

import io.rootfix.customer.ContactNormaliser;
import io.rootfix.customer.HandleNetwork;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * We must be able to reach the customer: an e-mail address, a phone number, or a handle on a social or
 * chat network (the handle with its network, and one that can exist there).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ContactGiven.Validator.class)
public @interface ContactGiven {

  String message() default "give an e-mail address or a phone number (customerEmail or customerPhone), "
      + "or a handle (customerHandle with handleNetwork)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ContactGiven, IntakeForm> {

    private final ContactNormaliser normaliser;

    public Validator(ContactNormaliser normaliser) {
      this.normaliser = normaliser;
    }

    @Override
    public boolean isValid(IntakeForm form, ConstraintValidatorContext context) {
      if (form == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean handleGiven = isGiven(form.customerHandle());
      boolean networkGiven = isGiven(form.handleNetwork());
      if (!isGiven(form.customerEmail()) && !isGiven(form.customerPhone()) && !handleGiven) {
        return reject(context, "customerEmail", context.getDefaultConstraintMessageTemplate());
      }
      if (handleGiven && !networkGiven) {
        return reject(context, "handleNetwork", "say which network the handle is on: one of " + HandleNetwork.CODES);
      }
      if (networkGiven && !handleGiven) {
        return reject(context, "customerHandle", "give the customer's handle on that network (handleNetwork)");
      }
      if (handleGiven && form.handleNetwork().matches(HandleNetwork.CODES)
          && normaliser.handle(HandleNetwork.fromCode(form.handleNetwork()), form.customerHandle()) == null) {
        return reject(context, "customerHandle", "is not a handle that can exist on " + form.handleNetwork());
      }
      return true;
    }

    /** The message is a template: only fixed text and validated codes may go into it, never raw input. */
    private static boolean reject(ConstraintValidatorContext context, String field, String message) {
      context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
      return false;
    }

    private static boolean isGiven(String value) {
      return value != null && !value.isBlank();
    }
  }
}
