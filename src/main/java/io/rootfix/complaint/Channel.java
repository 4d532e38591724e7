package io.rootfix.complaint;

/** The ways a complaint reaches us. The lower-case code is what the API, forms and variables use. */
public enum Channel implements CodedValue {
  WEB, EMAIL, PHONE, SOCIAL, CHAT;

  public static final String CODES = "web|email|phone|social|chat";

  public static Channel fromCode(String code) {
    return CodedValue.fromCode(Channel.class, code);
  }
}
