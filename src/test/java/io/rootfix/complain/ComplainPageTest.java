package io.rootfix.complain;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class ComplainPageTest extends RootfixIntegrationTest {

  static final byte[] JPEG = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 64);

  @Test
  void thePageIsDutchByDefaultEnglishOnAskAndRunsNothingFromElsewhere() {
    ResponseEntity<String> dutch = http.getForEntity("/complain", String.class);
    assertThat(dutch.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(dutch.getBody()).contains("<html lang=\"nl\"").contains("Een klacht indienen")
        .contains("<label for=\"customerName\">");
    assertThat(dutch.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");

    HttpHeaders english = new HttpHeaders();
    english.set(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.9");
    assertThat(http.exchange("/complain", HttpMethod.GET, new HttpEntity<>(english), String.class).getBody())
        .contains("<html lang=\"en\"").contains("File a complaint");
    assertThat(http.getForEntity("/complain?lang=en", String.class).getBody()).contains("File a complaint");
  }

  @Test
  void aComplaintWithAPhotoIsFiledAndTheThankYouPageGivesItsNumber() {
    ResponseEntity<String> response = post(form("eva.page." + System.nanoTime() + "@example.com"), null);

    // Post, redirect, get: the client followed the 303 to the thank-you page.
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    String thanks = response.getBody().replaceAll("(?s).*<p class=\"tracking\" id=\"trackingNumber\">([A-Z0-9-]+)</p>.*",
        "/complain/thanks?number=$1&lang=en");
    assertThat(thanks).startsWith("/complain/thanks?number=RF-").endsWith("&lang=en");
    String trackingNumber = thanks.replaceAll(".*number=([A-Z0-9-]+).*", "$1");
    assertThat(jdbc.queryForObject("select channel from complaint where tracking_number = ?", String.class, trackingNumber))
        .isEqualToIgnoringCase("web");
    assertThat(jdbc.queryForObject("select file_name || ' ' || media_type || ' ' || source from attachment where tracking_number = ?",
        String.class, trackingNumber)).isEqualTo("vase.jpg image/jpeg web");
    assertThat(response.getBody()).contains("What happens next").contains("<html lang=\"en\"");
    assertThat(http.getForEntity(thanks, String.class).getBody()).contains(trackingNumber);
  }

  @Test
  void badFieldsAndABadFileAreShownNextToTheirFieldsInTheLanguageAndNothingIsStored() {
    long complaints = count("complaint");
    long files = count("attachment");
    MultiValueMap<String, Object> form = form("not-an-address");
    form.set("category", "weather");
    form.set("lang", "nl");
    form.set("files", file("vase.jpg", "<svg onload=alert(1)>".getBytes()));

    ResponseEntity<String> response = post(form, null);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody())
        .contains("aria-describedby=\"customerEmail-hint customerEmail-error\" aria-invalid=\"true\" autofocus")
        .contains("<p class=\"error\" id=\"category-error\">Kies waar uw klacht over gaat.</p>")
        .contains("<p class=\"error\" id=\"files-error\">vase.jpg is geen foto (JPEG, PNG, WebP, HEIC) of PDF.</p>")
        .contains("value=\"Eva de Wit\"").doesNotContain("null");
    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat(count("attachment")).isEqualTo(files);
  }

  @Test
  void anotherSitesPageCannotSubmitIt() {
    long complaints = count("complaint");

    ResponseEntity<String> response = post(form("eva.x." + System.nanoTime() + "@example.com"), "https://evil.example");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(count("complaint")).isEqualTo(complaints);
  }

  private ResponseEntity<String> post(MultiValueMap<String, Object> form, String origin) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    if (origin != null) {
      headers.setOrigin(origin);
      headers.set("Sec-Fetch-Site", "cross-site");
    }
    return http.exchange("/complain", HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  private static MultiValueMap<String, Object> form(String email) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("lang", "en");
    form.add("customerName", "Eva de Wit");
    form.add("customerEmail", email);
    form.add("category", "product");
    form.add("description", "The vase arrived cracked.");
    form.add("desiredOutcome", "replacement");
    form.add("files", file("vase.jpg", JPEG));
    return form;
  }

  private static HttpEntity<ByteArrayResource> file(String name, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.IMAGE_JPEG);
    return new HttpEntity<>(new ByteArrayResource(content) {
      @Override
      public String getFilename() {
        return name;
      }
    }, headers);
  }
}
