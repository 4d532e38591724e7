package io.rootfix.customer;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The social and chat networks a customer may reach us on, each with its own idea of what a handle is.
 * The lower-case name is the code in the API and on forms.
 */
public enum HandleNetwork {
  // Handles on these networks are case-insensitive; people write them with or without the @ and often paste
  // the profile address instead.
  TWITTER("[a-z0-9_]{1,15}", false, "twitter.com/", "x.com/", "@"),
  INSTAGRAM("[a-z0-9._]{1,30}", false, "instagram.com/", "@"),
  TIKTOK("[a-z0-9._]{2,24}", false, "tiktok.com/@", "@"),
  TELEGRAM("[a-z0-9_]{5,32}", false, "t.me/", "telegram.me/", "@"),
  LINKEDIN("[a-z0-9-]{3,100}", false, "linkedin.com/in/"),
  /** Facebook ignores the dots in a user name: john.smith and johnsmith are one profile. */
  FACEBOOK("[a-z0-9]{1,50}", true, "facebook.com/", "fb.com/"),
  /** A WhatsApp handle is a phone number; ContactNormaliser brings it into E.164. */
  WHATSAPP(null, false),
  /** Our own web chat's user id: opaque, so its case is kept. */
  CHAT("[A-Za-z0-9._:@-]{1,100}", false);

  public static final String CODES = "twitter|instagram|tiktok|telegram|linkedin|facebook|whatsapp|chat";

  private final Pattern valid;
  private final boolean ignoresDots;
  private final List<String> prefixes;

  HandleNetwork(String valid, boolean ignoresDots, String... prefixes) {
    this.valid = valid == null ? null : Pattern.compile(valid);
    this.ignoresDots = ignoresDots;
    this.prefixes = List.of(prefixes);
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Null for a blank code; an unknown code is an IllegalArgumentException. */
  public static HandleNetwork fromCode(String code) {
    if (code == null || code.isBlank()) {
      return null;
    }
    try {
      return valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown handle network '" + code + "'");
    }
  }

  boolean isPhoneNumber() {
    return valid == null;
  }

  /** The handle in its one form on this network, or null when it cannot be a handle there. */
  String normalise(String handle) {
    String value = handle.trim();
    if (this != CHAT) {
      value = value.toLowerCase(Locale.ROOT).replaceFirst("^(https?://)?(www\\.|m\\.)?", "");
      for (String prefix : prefixes) {
        if (value.startsWith(prefix)) {
          value = value.substring(prefix.length());
          break;
        }
      }
      value = value.replaceFirst("[/?#].*$", "");
    }
    if (ignoresDots) {
      value = value.replace(".", "");
    }
    return valid.matcher(value).matches() ? value : null;
  }
}
