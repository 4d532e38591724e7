package io.rootfix.complain;

import java.util.List;
import java.util.Locale;

/** The page's language: {@code ?lang=} (the switch), else the browser's Accept-Language, else Dutch. */
enum PageLanguage {
  NL, EN;

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static PageLanguage of(String lang, String acceptLanguage) {
    if (lang != null) {
      return lang.trim().equalsIgnoreCase("en") ? EN : NL;
    }
    if (acceptLanguage != null && !acceptLanguage.isBlank()) {
      try {
        for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
          String language = range.getRange().split("-")[0];
          if (language.equals("nl")) {
            return NL;
          }
          if (language.equals("en")) {
            return EN;
          }
        }
      } catch (IllegalArgumentException e) {
        // A malformed header says nothing: the default.
      }
    }
    return NL;
  }

  PageLanguage other() {
    return this == NL ? EN : NL;
  }

  static List<PageLanguage> all() {
    return List.of(values());
  }
}
