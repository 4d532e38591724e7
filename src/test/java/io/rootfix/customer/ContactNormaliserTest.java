package io.rootfix.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactNormaliserTest {

  private final ContactNormaliser dutch = new ContactNormaliser(new CustomerSettings("NL"));

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      +31 6 12345678       | +31612345678
      0612345678           | +31612345678
      0031612345678        | +31612345678
      06-12345678          | +31612345678
      (06) 1234 5678       | +31612345678
      +31 (0)6 12345678    | +31612345678
      020 123 4567         | +31201234567
      +32 470 12 34 56     | +32470123456
      0032 470 12 34 56    | +32470123456
      +44 20 7946 0958     | +442079460958
      """)
  void phoneNumbersBecomeE164WithTheNetherlandsAsTheDefaultRegion(String written, String e164) {
    assertThat(dutch.phone(written)).isEqualTo(e164);
  }

  @Test
  void aNumberWithoutCountryCodeIsReadInTheConfiguredRegion() {
    ContactNormaliser belgian = new ContactNormaliser(new CustomerSettings("BE"));

    assertThat(belgian.phone("0470 12 34 56")).isEqualTo("+32470123456");
    assertThat(belgian.phone("+31 6 12345678")).isEqualTo("+31612345678");
    assertThatThrownBy(() -> new ContactNormaliser(new CustomerSettings("Holland"))).hasMessageContaining("default-region");
  }

  @ParameterizedTest(name = "\"{0}\" is no phone number")
  @CsvSource(delimiter = '|', textBlock = """
      12345
      +31 6 1234
      +999 12345678
      call me
      """)
  void whatCannotBeAPhoneNumberIsNone(String written) {
    assertThat(dutch.phone(written)).isNull();
  }

  @Test
  void emailAddressesAreTrimmedAndInLowerCase() {
    assertThat(dutch.email("  Eva.de.Wit@Example.COM ")).isEqualTo("eva.de.wit@example.com");
    assertThat(dutch.email(" ")).isNull();
  }

  @ParameterizedTest(name = "{0} {1} → {2}")
  @CsvSource(delimiter = '|', textBlock = """
      twitter   | @Eva_dW                          | eva_dw
      twitter   | eva_dw                           | eva_dw
      twitter   | https://x.com/Eva_dW?lang=nl     | eva_dw
      twitter   | twitter.com/eva_dw/              | eva_dw
      instagram | @eva.de.wit                      | eva.de.wit
      instagram | https://www.instagram.com/Eva.De.Wit/ | eva.de.wit
      tiktok    | https://www.tiktok.com/@evadewit | evadewit
      telegram  | t.me/EvaDeWit                    | evadewit
      linkedin  | https://www.linkedin.com/in/eva-de-wit-123/ | eva-de-wit-123
      facebook  | Eva.De.Wit                       | evadewit
      facebook  | https://m.facebook.com/evadewit  | evadewit
      whatsapp  | 06 12345678                      | +31612345678
      chat      | Visitor-7Fq2                     | Visitor-7Fq2
      """)
  void handlesTakeTheFormTheirNetworkKnows(String network, String written, String normalised) {
    assertThat(dutch.handle(HandleNetwork.fromCode(network), written)).isEqualTo(normalised);
  }

  @ParameterizedTest(name = "{0} \"{1}\" is no handle")
  @CsvSource(delimiter = '|', textBlock = """
      twitter   | @
      twitter   | eva de wit
      twitter   | a_handle_of_sixteen
      telegram  | @eva
      whatsapp  | @eva
      chat      | <script>
      """)
  void whatCannotExistOnTheNetworkIsNoHandle(String network, String written) {
    assertThat(dutch.handle(HandleNetwork.fromCode(network), written)).isNull();
  }
}
