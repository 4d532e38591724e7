package io.rootfix.complaint;

import java.util.Locale;

/**
 * An enum that travels as its lower-case name: in the JSON API, in Camunda Forms' select values and in
 * process variables. The database keeps the enum name.
 */
public interface CodedValue {

  String name();

  default String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static <E extends Enum<E> & CodedValue> E fromCode(Class<E> type, String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + code + "'");
    }
  }
}
