package io.rootfix.complaint;

import static io.rootfix.complaint.ComplaintProcess.Var;

import io.rootfix.customer.HandleNetwork;
import io.rootfix.customer.PhoneNumber;
import io.rootfix.notify.Language;
import io.rootfix.web.InvalidInputException;
import io.rootfix.web.IsoDate;
import io.rootfix.web.NoControlCharacters;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A complaint as it arrives: the JSON body of {@code POST /api/complaints} and the variables of the
 * phone-intake start form. The same rules check both.
 */
@ContactGiven
public record IntakeForm(
    @NotBlank @Size(max = 200) @NoControlCharacters String customerName,
    @Email @Size(max = 320) @NoControlCharacters String customerEmail,
    @Size(max = 32) @PhoneNumber String customerPhone,
    @Size(max = 100) @NoControlCharacters String customerHandle,
    @Pattern(regexp = HandleNetwork.CODES, message = "must be one of " + HandleNetwork.CODES) String handleNetwork,
    @NotBlank @Pattern(regexp = Channel.CODES, message = "must be one of " + Channel.CODES) String channel,
    @NotBlank @Pattern(regexp = Category.CODES, message = "must be one of " + Category.CODES) String category,
    @NotBlank @Size(max = 4000) @NoControlCharacters String description,
    @NotBlank @Pattern(regexp = DesiredOutcome.CODES, message = "must be one of " + DesiredOutcome.CODES)
        String desiredOutcome,
    @IsoDate(notPast = true) String wantedAnswerDate,
    @Pattern(regexp = "[A-Za-z0-9-]{1,20}", message = "must be a tracking number such as RF-2026-000123")
        String trackingNumber,
    @DecimalMin(value = "0", message = "must be an amount in euros, 0 or more")
    @Digits(integer = 9, fraction = 2, message = "must be an amount in euros with at most 2 decimals") BigDecimal amount,
    @Size(max = 100) @NoControlCharacters String orderReference,
    @Pattern(regexp = Severity.CODES, message = "must be one of " + Severity.CODES) String severity,
    @Pattern(regexp = Language.CODES, message = "must be one of " + Language.CODES) String language) {

  /** The start form is the phone intake, so a start without a channel is a phone call. */
  static IntakeForm fromVariables(Map<String, Object> variables) {
    String channel = text(variables, Var.CHANNEL);
    return new IntakeForm(
        text(variables, Var.CUSTOMER_NAME),
        text(variables, Var.CUSTOMER_EMAIL),
        text(variables, Var.CUSTOMER_PHONE),
        text(variables, Var.CUSTOMER_HANDLE),
        text(variables, Var.HANDLE_NETWORK),
        channel == null ? Channel.PHONE.code() : channel,
        text(variables, Var.CATEGORY),
        text(variables, Var.DESCRIPTION),
        text(variables, Var.DESIRED_OUTCOME),
        text(variables, Var.WANTED_ANSWER_DATE),
        text(variables, Var.REFERENCED_TRACKING_NUMBER),
        amount(variables.get(Var.CLAIMED_AMOUNT)),
        text(variables, Var.ORDER_REFERENCE),
        text(variables, Var.SEVERITY),
        text(variables, Var.LANGUAGE));
  }

  Map<String, Object> toVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    putIfPresent(variables, Var.CUSTOMER_NAME, customerName);
    putIfPresent(variables, Var.CUSTOMER_EMAIL, customerEmail);
    putIfPresent(variables, Var.CUSTOMER_PHONE, customerPhone);
    putIfPresent(variables, Var.CUSTOMER_HANDLE, customerHandle);
    putIfPresent(variables, Var.HANDLE_NETWORK, handleNetwork);
    putIfPresent(variables, Var.CHANNEL, channel);
    putIfPresent(variables, Var.CATEGORY, category);
    putIfPresent(variables, Var.DESCRIPTION, description);
    putIfPresent(variables, Var.DESIRED_OUTCOME, desiredOutcome);
    putIfPresent(variables, Var.WANTED_ANSWER_DATE, wantedAnswerDate);
    putIfPresent(variables, Var.REFERENCED_TRACKING_NUMBER, trackingNumber);
    if (amount != null) {
      // A process variable holds a plain number, never a serialized BigDecimal.
      variables.put(Var.CLAIMED_AMOUNT, amount.doubleValue());
    }
    putIfPresent(variables, Var.ORDER_REFERENCE, orderReference);
    putIfPresent(variables, Var.SEVERITY, severity);
    putIfPresent(variables, Var.LANGUAGE, language);
    return variables;
  }

  /** Only for a form that passed validation. */
  ComplaintIntake toIntake() {
    return new ComplaintIntake(
        customerName.trim(),
        blankToNull(customerEmail),
        blankToNull(customerPhone),
        blankToNull(customerHandle),
        HandleNetwork.fromCode(handleNetwork),
        Channel.fromCode(channel),
        Category.fromCode(category),
        description,
        DesiredOutcome.fromCode(desiredOutcome),
        wantedAnswerDate == null || wantedAnswerDate.isBlank() ? null : LocalDate.parse(wantedAnswerDate),
        blankToNull(trackingNumber),
        amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY),
        blankToNull(orderReference),
        Severity.fromCode(severity),
        Language.fromCode(language));
  }

  /** The start form's number field gives a number (or its text); the validation checks the rest. */
  private static BigDecimal amount(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw InvalidInputException.of(Var.CLAIMED_AMOUNT, "must be an amount in euros, like 129.95");
    }
  }

  private static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? null : blankToNull(value.toString());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static void putIfPresent(Map<String, Object> variables, String name, String value) {
    if (value != null && !value.isBlank()) {
      variables.put(name, value);
    }
  }
}
