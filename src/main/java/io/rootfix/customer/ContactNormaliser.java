package io.rootfix.customer;

import java.util.Locale;

/** Brings e-mail addresses and phone numbers into one form, so the same customer is recognised. */
public final class ContactNormaliser {

  private ContactNormaliser() {}

  public static String email(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /** Keeps the digits and a leading +; {@code 00} becomes {@code +}. */
  public static String phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    String trimmed = phone.trim();
    String digits = trimmed.replaceAll("\\D", "");
    if (digits.isEmpty()) {
      return null;
    }
    if (trimmed.startsWith("+")) {
      return "+" + digits;
    }
    if (digits.startsWith("00")) {
      return "+" + digits.substring(2);
    }
    return digits;
  }
}
