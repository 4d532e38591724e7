package io.rootfix.insights;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Who gets the insights page and what it may load; the browser test (docs/developers.md) checks what it shows. */
class InsightsPageTest extends RootfixIntegrationTest {

  private static final String OWNER = "owen";

  @Test
  void theInsightsPageIsForTeamLeadsProcessOwnersAndAdminsOnly() {
    for (String path : new String[] {"/insights", "/insights.html", "/insights.js"}) {
      assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(as(AGENT).getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(as(AUDITOR).getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.FORBIDDEN);
    }
    for (String user : new String[] {LEAD, OWNER}) {
      ResponseEntity<String> page = as(user).getForEntity("/insights", String.class);
      assertThat(page.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
      assertThat(page.getBody()).contains("<title>Rootfix Insights</title>", "/webjars/chart.js/dist/chart.umd.min.js");
      // No inline script: nothing on the page may run but files from this server.
      assertThat(page.getBody()).doesNotContain("<script>").doesNotContainPattern("\\son[a-z]+=");
      assertThat(page.getHeaders().getFirst("Content-Security-Policy"))
          .isEqualTo("default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }
    assertThat(http.withBasicAuth("demo", "demo").getForEntity("/insights", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void chartJsIsServedByTheApplication() {
    ResponseEntity<String> chartJs = http.getForEntity("/webjars/chart.js/dist/chart.umd.min.js", String.class);

    assertThat(chartJs.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(chartJs.getBody()).contains("Chart.js v4.5.1", "MIT");
  }

  @Test
  void openComplaintsAreCountedByEveryOpenStateForWhoSteersTheService() {
    receive();

    Map<String, Object> open = as(LEAD).getForObject("/api/insights/open-complaints", Map.class);

    assertThat((Map<String, Object>) open.get("byState")).containsOnlyKeys("RECEIVED", "IN_PROGRESS",
        "WAITING_FOR_CUSTOMER", "WAITING_FOR_FIX", "REPORTED", "REOPENED");
    assertThat(((Number) open.get("open")).longValue()).isEqualTo(
        ((Map<String, Number>) open.get("byState")).values().stream().mapToLong(Number::longValue).sum());
    assertThat(as(AUDITOR).getForEntity("/api/insights/open-complaints", String.class).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
  }
}
