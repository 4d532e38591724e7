package io.rootfix.complaint;

/** How the customer wants to hear from us, agreed at "Agree expectation". */
public enum ContactPreference implements CodedValue {
  EMAIL, PHONE, CHAT, SOCIAL, LETTER;

  public static final String CODES = "email|phone|chat|social|letter";

  public static ContactPreference fromCode(String code) {
    return CodedValue.fromCode(ContactPreference.class, code);
  }
}
