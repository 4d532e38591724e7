package io.rootfix.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Brings e-mail addresses, phone numbers and handles into one form, so the same customer is recognised
 * however they write them: {@code 0612345678}, {@code +31 6 12345678} and {@code 0031 6 1234 5678} are
 * all {@code +31612345678}.
 */
@Component
@EnableConfigurationProperties(CustomerSettings.class)
public class ContactNormaliser {

  private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();
  private final String defaultRegion;

  public ContactNormaliser(CustomerSettings settings) {
    String defaultRegion = settings.defaultRegion();
    if (!phoneNumbers.getSupportedRegions().contains(defaultRegion)) {
      throw new IllegalArgumentException(
          "rootfix.customer.default-region must be a region code such as NL or BE, not '" + defaultRegion + "'");
    }
    this.defaultRegion = defaultRegion;
  }

  /** Trimmed and in lower case: mail servers treat addresses case-insensitively in practice. */
  public String email(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * E.164 ({@code +31612345678}), or null when it is no number in use anywhere: a number with a digit too
   * few is a customer we could never call back.
   */
  public String phone(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    try {
      PhoneNumber number = phoneNumbers.parse(phone, defaultRegion);
      return phoneNumbers.isValidNumber(number) ? phoneNumbers.format(number, PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  /** The handle as the network knows it (see {@link HandleNetwork}), or null when it cannot be one there. */
  public String handle(HandleNetwork network, String handle) {
    if (network == null || handle == null || handle.isBlank()) {
      return null;
    }
    return network.isPhoneNumber() ? phone(handle) : network.normalise(handle);
  }
}
