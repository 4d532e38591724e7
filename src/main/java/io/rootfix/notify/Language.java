package io.rootfix.notify;

import java.util.Arrays;
import java.util.Locale;

/** The language a customer hears from us in; Dutch unless the channel says otherwise. */
public enum Language {
  NL("nl", Locale.forLanguageTag("nl-NL")),
  EN("en", Locale.ENGLISH);

  /** For validation messages and patterns: the codes a channel may send. */
  public static final String CODES = "nl|en";
  public static final Language DEFAULT = NL;

  private final String code;
  private final Locale locale;

  Language(String code, Locale locale) {
    this.code = code;
    this.locale = locale;
  }

  public String code() {
    return code;
  }

  public Locale locale() {
    return locale;
  }

  /** Null or blank is the default (Dutch); anything else not a code is refused by the intake's validation first. */
  public static Language fromCode(String code) {
    if (code == null || code.isBlank()) {
      return DEFAULT;
    }
    return Arrays.stream(values()).filter(l -> l.code.equals(code.trim())).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown language " + code + "; one of " + CODES));
  }
}
