package io.rootfix.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.rootfix.support.RootfixIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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

class AttachmentIntakeTest extends RootfixIntegrationTest {

  static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, "pixels".getBytes());
  static final byte[] SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
      .getBytes(StandardCharsets.UTF_8);

  @Test
  void aComplaintWithAPhotoKeepsItShowsItOnTheFormAndInTheAuditTrail() {
    ResponseEntity<Map> response = postWithFiles(intake(), file("vase.png", PNG, "image/png"));

    assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
    String trackingNumber = (String) response.getBody().get("trackingNumber");
    Map<String, Object> row = jdbc.queryForMap(
        "select file_name, media_type, size_bytes, source, refusal from attachment where tracking_number = ?", trackingNumber);
    assertThat(row).containsEntry("FILE_NAME", "vase.png").containsEntry("MEDIA_TYPE", "image/png")
        .containsEntry("SIZE_BYTES", (long) PNG.length).containsEntry("SOURCE", "api").containsEntry("REFUSAL", null);

    String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .singleResult().getId();
    String shown = runtimeService.getVariableTyped(processInstanceId, Attachments.FORM_VARIABLE).getValue().toString();
    long id = jdbc.queryForObject("select id from attachment where tracking_number = ?", Long.class, trackingNumber);
    assertThat(shown).contains("\"href\":\"/attachments/" + id + "\"").contains("vase.png (PNG image");

    List<Map<String, Object>> trail = as(AUDITOR).getForObject("/api/audit/complaints/" + trackingNumber, List.class);
    assertThat(trail.toString()).contains("File received").contains("vase.png (PNG image");
  }

  @Test
  void staffDownloadTheFileAsADownloadThatNeverRendersAndNobodyElseGetsIt() {
    String trackingNumber = (String) postWithFiles(intake(), file("vase.png", PNG, "image/png")).getBody().get("trackingNumber");
    long id = jdbc.queryForObject("select id from attachment where tracking_number = ?", Long.class, trackingNumber);

    ResponseEntity<byte[]> download = as(AGENT).getForEntity("/attachments/" + id, byte[].class);
    assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(download.getBody()).isEqualTo(PNG);
    assertThat(download.getHeaders().getContentType()).hasToString("image/png");
    assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment;").contains("vase.png");
    assertThat(download.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

    assertThat(http.getForEntity("/attachments/" + id, byte[].class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(as("owen").getForEntity("/attachments/" + id, String.class).getStatusCode())
        .as("a process owner does not work complaints").isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void aFileThatIsNotAPhotoOrPdfIsRefusedByItsContentNamingItAndNothingIsStored() {
    long complaints = count("complaint");
    long customers = count("customer");
    long files = count("attachment");
    long instances = runtimeService.createProcessInstanceQuery().count();

    // An SVG that calls itself a JPEG photo, and an HTML page that calls itself a PDF.
    ResponseEntity<Map> response = postWithFiles(intake(), file("vase.png", PNG, "image/png"),
        file("photo.jpg", SVG, "image/jpeg"), file("receipt.pdf", "<html><script>x</script>".getBytes(), "application/pdf"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((List<Map<String, String>>) response.getBody().get("errors"))
        .extracting(error -> error.get("field") + " " + error.get("message"))
        .containsExactly("files[1] photo.jpg: is not a JPEG image, PNG image, WebP image, HEIC image or PDF document"
                + " (recognised by its content, not its name)",
            "files[2] receipt.pdf: is not a JPEG image, PNG image, WebP image, HEIC image or PDF document"
                + " (recognised by its content, not its name)");
    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat(count("customer")).isEqualTo(customers);
    assertThat(count("attachment")).isEqualTo(files);
    assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instances);
  }

  @Test
  void aFileOverTheLimitIsRefusedNamingItAndNothingIsStored() {
    long complaints = count("complaint");
    long files = count("attachment");
    byte[] large = Arrays.copyOf(PNG, 10 * 1024 * 1024 + 1);

    ResponseEntity<Map> response = postWithFiles(intake(), file("huge.png", large, "image/png"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("errors").toString()).contains("files[0]")
        .contains("huge.png: is 10 MB, larger than the 10 MB a file may be");
    assertThat(count("complaint")).isEqualTo(complaints);
    assertThat(count("attachment")).isEqualTo(files);
  }

  @Test
  void aComplaintHoldsAtMostItsTotalAndTheFileOverItIsRefusedWithNothingAdded() {
    byte[] nineMegabytes = Arrays.copyOf(PNG, 9 * 1024 * 1024);
    String trackingNumber = (String) postWithFiles(intake(), file("one.png", nineMegabytes, "image/png"),
        file("two.png", nineMegabytes, "image/png")).getBody().get("trackingNumber");

    ResponseEntity<Map> third = addFiles(AGENT, trackingNumber, file("three.png", nineMegabytes, "image/png"));

    assertThat(third.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(third.getBody().get("errors").toString()).contains("three.png: would bring the complaint's files to 27 MB");
    assertThat(jdbc.queryForObject("select count(*) from attachment where tracking_number = ?", Long.class, trackingNumber))
        .isEqualTo(2);
  }

  @Test
  void nobodyAddsFilesToAComplaintWithoutLoggingInAndAnAgentCan() {
    String trackingNumber = receive();

    ResponseEntity<Map> anonymous = http.exchange("/api/complaints/" + trackingNumber + "/attachments", HttpMethod.POST,
        multipart(null, file("vase.png", PNG, "image/png")), Map.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(jdbc.queryForObject("select count(*) from attachment where tracking_number = ?", Long.class, trackingNumber))
        .isZero();

    ResponseEntity<Map> byAgent = addFiles(AGENT, trackingNumber, file("vase.png", PNG, "image/png"));
    assertThat(byAgent.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(jdbc.queryForObject("select source from attachment where tracking_number = ?", String.class, trackingNumber))
        .isEqualTo("agent:" + AGENT);
  }

  @Test
  void theComplaintPartKeepsTheJsonRulesAndItsLimit() {
    long complaints = count("complaint");
    ResponseEntity<Map> unknownField = postWithFiles(intake().replace("\"channel\"", "\"chanel\": \"web\", \"channel\""),
        file("vase.png", PNG, "image/png"));
    assertThat(unknownField.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(unknownField.getBody().get("errors").toString()).contains("complaint");

    ResponseEntity<Map> tooLarge = postWithFiles(intake().replace("The parcel", "x".repeat(70_000)),
        file("vase.png", PNG, "image/png"));
    assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(tooLarge.getBody().get("errors").toString()).contains("complaint").contains("64 KB");

    ResponseEntity<Map> badFields = postWithFiles(intake().replace("\"delivery\"", "\"weather\""), file("photo.jpg", SVG, "image/jpeg"));
    assertThat((List<Map<String, String>>) badFields.getBody().get("errors")).extracting(error -> error.get("field"))
        .containsExactlyInAnyOrder("category", "files[0]");
    assertThat(count("complaint")).isEqualTo(complaints);
  }

  // --- helpers -----------------------------------------------------------------------------------------

  record Upload(String name, byte[] content, String claimedType) {}

  static Upload file(String name, byte[] content, String claimedType) {
    return new Upload(name, content, claimedType);
  }

  private ResponseEntity<Map> postWithFiles(String complaintJson, Upload... files) {
    return http.exchange("/api/complaints", HttpMethod.POST, multipart(complaintJson, files), Map.class);
  }

  /** The answer's body as JSON: the complaint's files, or a problem. */
  private ResponseEntity<Map> addFiles(String user, String trackingNumber, Upload... files) {
    ResponseEntity<Object> response = as(user).exchange("/api/complaints/" + trackingNumber + "/attachments",
        HttpMethod.POST, multipart(null, files), Object.class);
    Object body = response.getBody();
    return new ResponseEntity<>(body instanceof Map<?, ?> map ? map : Map.of("files", body), response.getStatusCode());
  }

  static HttpEntity<MultiValueMap<String, Object>> multipart(String complaintJson, Upload... files) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    if (complaintJson != null) {
      HttpHeaders json = new HttpHeaders();
      json.setContentType(MediaType.APPLICATION_JSON);
      parts.add("complaint", new HttpEntity<>(complaintJson, json));
    }
    for (Upload upload : files) {
      HttpHeaders type = new HttpHeaders();
      type.setContentType(MediaType.parseMediaType(upload.claimedType()));
      parts.add("files", new HttpEntity<>(new ByteArrayResource(upload.content()) {
        @Override
        public String getFilename() {
          return upload.name();
        }
      }, type));
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return new HttpEntity<>(parts, headers);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
