package io.rootfix.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.complaint.ComplaintProcess.Var;
import io.rootfix.support.RootfixIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The auditors' page: only for auditors and admins, read-only, and everything on it is text. */
class AuditPageTest extends RootfixIntegrationTest {

  @Test
  void onlyAuditorsAndAdminsMayOpenThePageAndAStrangerIsAskedToLogIn() {
    ResponseEntity<String> anonymous = http.getForEntity("/audit", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");

    assertThat(as(AGENT).getForEntity("/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as(LEAD).getForEntity("/audit/verify", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(as("demo").getForEntity("/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

    ResponseEntity<String> page = as(AUDITOR).getForEntity("/audit", String.class);
    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getHeaders().getFirst("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'self'");
    assertThat(page.getBody()).contains("<form method=\"get\" action=\"/audit\"", "Verify the chain of seals");
  }

  @Test
  void aComplaintsWordsAreShownAsTextNeverAsMarkup() {
    String body = intake().replace("The parcel arrived broken, for the second time.",
        "<script>alert('gotcha')</script> & <img src=x onerror=alert(1)>")
        .replace("Eva de Wit", "<b>Eva</b>");
    String trackingNumber = (String) postComplaint(body).getBody().get("trackingNumber");

    ResponseEntity<String> page = as(AUDITOR).getForEntity("/audit/complaints/" + trackingNumber, String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(page.getBody())
        .contains("&lt;script&gt;alert(&#39;gotcha&#39;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;")
        .contains("&lt;b&gt;Eva&lt;/b&gt;")
        .doesNotContain("<script", "<img", "<b>")
        .contains("not sealed");
  }

  @Test
  void anAuditorFindsAClosedComplaintOpensItsTrailAndSeesItsSeal() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);
    submit(trackingNumber, Element.RECORD_CUSTOMER_CONFIRMATION, Map.of(Var.RESOLVED, "true"));
    executeDueJobs();
    String digest = jdbc.queryForObject("select digest from audit_seal where tracking_number = ?", String.class,
        trackingNumber);

    String search = as(AUDITOR).getForObject("/audit?trackingNumber={tn}", String.class, trackingNumber);
    assertThat(search).contains("<a href=\"/audit/complaints/" + trackingNumber + "\">" + trackingNumber + "</a>",
        "Stronger boxes", "format=csv");

    String story = as(AUDITOR).getForObject("/audit/complaints/" + trackingNumber, String.class);
    assertThat(story).contains("<dd>Closed</dd>", "yes, at position", "<dd>verified</dd>", digest,
        "Customer&#39;s reply recorded", "Complaint closed");
    String trail = as(AUDITOR).getForObject("/audit/complaints/" + trackingNumber + "/trail", String.class);
    assertThat(trail).contains("Completed: Record the customer&#39;s confirmation", "Complaint closed");

    assertThat(as(AUDITOR).getForObject("/audit/verify", String.class)).contains("intact");
  }

  @Test
  void aBadSearchIsExplainedOnThePage() {
    ResponseEntity<String> page = as(AUDITOR).getForEntity("/audit?closedFrom=31-12-2026", String.class);

    assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(page.getBody()).contains("closedFrom must be a date like 2026-12-31")
        .contains("value=\"31-12-2026\"");
    assertThat(as(AUDITOR).getForEntity("/audit/complaints/RF-0000-000000", String.class).getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }
}
