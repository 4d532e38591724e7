package io.rootfix.web;

import java.util.Locale;

/** Values as Camunda Forms and REST callers submit them: text may be blank, booleans may be strings. */
public final class FormValues {

  private FormValues() {}

  /** Trimmed text, or null for none. */
  public static String text(Object value) {
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** True for {@code true}, "true" and "yes". */
  public static boolean flag(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    String text = text(value);
    return text != null && (text.toLowerCase(Locale.ROOT).equals("true") || text.toLowerCase(Locale.ROOT).equals("yes"));
  }
}
