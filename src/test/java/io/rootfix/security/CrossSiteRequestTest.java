package io.rootfix.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.complaint.ComplaintProcess.Element;
import io.rootfix.support.RootfixIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * A page on another site makes the browser of a signed-in user send a changing request here, with the HTTP
 * Basic login the browser remembers. Browsers mark such requests (Origin, Referer, Sec-Fetch-Site): they are
 * refused and change nothing, while clients that are no browser, Rootfix's own pages and, for the public
 * intake only, the company's allowed sites (https://shop.example in the tests) keep working.
 */
class CrossSiteRequestTest extends RootfixIntegrationTest {

  private static final String EVIL = "https://evil.example";
  private static final String SHOP = "https://shop.example";

  @Autowired
  private RepositoryService repositoryService;

  @LocalServerPort
  private int port;

  @Test
  void anotherSitesFormCannotDeployAModelWithTheBrowsersLogin() {
    Map<String, Consumer<HttpHeaders>> forgeries = Map.of(
        "Origin and Sec-Fetch-Site", headers -> {
          headers.set(HttpHeaders.ORIGIN, EVIL);
          headers.set("Sec-Fetch-Site", "cross-site");
        },
        "Origin only", headers -> headers.set(HttpHeaders.ORIGIN, EVIL),
        "a sandboxed page's Origin", headers -> headers.set(HttpHeaders.ORIGIN, "null"),
        "Referer only", headers -> headers.set(HttpHeaders.REFERER, EVIL + "/cats.html"),
        "Sec-Fetch-Site only", headers -> headers.set("Sec-Fetch-Site", "cross-site"),
        "a sibling site", headers -> {
          headers.set(HttpHeaders.ORIGIN, "http://blog.localhost:" + port);
          headers.set("Sec-Fetch-Site", "same-site");
        });

    forgeries.forEach((how, forge) -> {
      String name = "forged-" + UUID.randomUUID();
      ResponseEntity<Map> response = deploy(name, forge);

      assertThat(response.getStatusCode()).as(how).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(response.getHeaders().getContentType()).as(how).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat((String) response.getBody().get("detail")).as(how).contains("another site's page");
      assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).as(how).isZero();
    });
  }

  @Test
  void modelerAndRootfixsOwnPagesStillDeploy() {
    String fromModeler = "modeler-" + UUID.randomUUID();
    String fromOwnPage = "own-page-" + UUID.randomUUID();

    assertThat(deploy(fromModeler, headers -> {}).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(deploy(fromOwnPage, headers -> {
      headers.set(HttpHeaders.ORIGIN, "http://localhost:" + port);
      headers.set("Sec-Fetch-Site", "same-origin");
    }).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(repositoryService.createDeploymentQuery().deploymentName(fromModeler).count()).isOne();
    assertThat(repositoryService.createDeploymentQuery().deploymentName(fromOwnPage).count()).isOne();
  }

  @Test
  void anotherSiteCannotCloseAComplaintThroughTheSignedInApi() {
    String trackingNumber = receiveAndPatch();
    findCauseAndReport(trackingNumber);

    for (String origin : new String[] {EVIL, SHOP}) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      headers.set(HttpHeaders.ORIGIN, origin);
      headers.set("Sec-Fetch-Site", "cross-site");
      ResponseEntity<Map> response = as(AGENT).postForEntity("/api/complaints/" + trackingNumber + "/confirmation",
          new HttpEntity<>("{\"resolved\": true}", headers), Map.class);

      assertThat(response.getStatusCode()).as(origin).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(openTaskKeys(trackingNumber)).as(origin).containsExactly(Element.RECORD_CUSTOMER_CONFIRMATION);
    }
  }

  @Test
  void theCompanysOwnSitesMayFileComplaintsOthersMayNot() {
    long complaints = count("complaint");

    ResponseEntity<Map> fromShop = postComplaintFrom(SHOP);
    assertThat(fromShop.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(fromShop.getHeaders().getAccessControlAllowOrigin()).isEqualTo(SHOP);
    assertThat(fromShop.getHeaders().getAccessControlAllowCredentials()).isFalse();

    ResponseEntity<Map> fromElsewhere = postComplaintFrom(EVIL);
    assertThat(fromElsewhere.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(fromElsewhere.getHeaders().getAccessControlAllowOrigin()).isNull();
    assertThat(count("complaint")).isEqualTo(complaints + 1);
  }

  @Test
  void onlyTheCompanysSitesGetCorsAnswersAndOnlyForThePublicEndpoints() {
    assertThat(preflight("/api/complaints", "POST", SHOP).getHeaders().getAccessControlAllowOrigin()).isEqualTo(SHOP);
    assertThat(preflight("/api/status/RF-2026-000001", "GET", SHOP).getHeaders().getAccessControlAllowOrigin())
        .isEqualTo(SHOP);
    assertThat(preflight("/api/complaints", "POST", EVIL).getHeaders().getAccessControlAllowOrigin()).isNull();
    assertThat(preflight("/api/complaints/RF-2026-000001/confirmation", "POST", SHOP).getHeaders()
        .getAccessControlAllowOrigin()).isNull();
    assertThat(preflight("/engine-rest/deployment/create", "POST", SHOP).getHeaders().getAccessControlAllowOrigin())
        .isNull();
  }

  private ResponseEntity<Map> deploy(String name, Consumer<HttpHeaders> browser) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", name);
    form.add("data", new ByteArrayResource(
        "{\"id\": \"Form_CrossSite\", \"type\": \"default\", \"components\": []}".getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "cross-site.form";
      }
    });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    browser.accept(headers);
    return http.withBasicAuth("owen", "owen")
        .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), Map.class);
  }

  private ResponseEntity<Map> postComplaintFrom(String origin) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    headers.set(HttpHeaders.ORIGIN, origin);
    headers.set("Sec-Fetch-Site", "cross-site");
    return http.postForEntity("/api/complaints", new HttpEntity<>(intake(), headers), Map.class);
  }

  private ResponseEntity<String> preflight(String path, String method, String origin) {
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.ORIGIN, origin);
    headers.set(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method);
    headers.set(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type");
    return http.exchange(path, HttpMethod.OPTIONS, new HttpEntity<>(headers), String.class);
  }
}
