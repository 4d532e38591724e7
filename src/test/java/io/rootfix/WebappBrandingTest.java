package io.rootfix;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The Camunda webapps load Rootfix's customisation files from the class path, not the webjar's: the
 * name, the logo, the favicon, and no Camunda 8 banner. The browser test (src/test/e2e) sees them on the
 * page; this checks what the server hands out.
 */
class WebappBrandingTest extends RootfixIntegrationTest {

  private static final String WEBJAR = "META-INF/resources/webjars/camunda/";

  @Test
  void everyWebappIsNamedRootfix() {
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      ResponseEntity<String> config = http.getForEntity("/camunda/app/" + app + "/scripts/config.js", String.class);
      ResponseEntity<String> styles = http.getForEntity("/camunda/app/" + app + "/styles/user-styles.css", String.class);

      assertThat(config.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
      assertThat(config.getBody()).as(app).contains("vendor: 'Rootfix'");
      assertThat(styles.getBody()).as(app).contains("@import url(\"../../../assets/rootfix/rootfix.css\")");
    }
  }

  @Test
  void theStylesHideTheCamunda8BannerAndShowRootfixsLogo() {
    String css = http.getForObject("/camunda/assets/rootfix/rootfix.css", String.class);

    assertThat(css).containsIgnoringWhitespaces(".ce-eol-banner { display: none; }");
    assertThat(css).contains("url(\"rootfix-mark.svg\")", "url(\"rootfix-logo.svg\")");
    for (String logo : List.of("rootfix-mark.svg", "rootfix-logo.svg")) {
      ResponseEntity<String> svg = http.getForEntity("/camunda/assets/rootfix/" + logo, String.class);
      assertThat(svg.getHeaders().getContentType()).as(logo).isEqualTo(MediaType.valueOf("image/svg+xml"));
      assertThat(svg.getBody()).as(logo).contains("<title>Rootfix</title>");
    }
  }

  @Test
  void theFaviconIsRootfixs() throws IOException {
    ResponseEntity<byte[]> favicon = http.getForEntity("/camunda/favicon.ico", byte[].class);

    assertThat(favicon.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(favicon.getBody()).isEqualTo(new ClassPathResource(WEBJAR + "favicon.ico").getContentAsByteArray());
  }
}
