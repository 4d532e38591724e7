package io.rootfix.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects a request body over the limit with 413 before anything parses it, so a huge body costs neither
 * parsing nor memory. A chunked body announces no length: it is read up to the limit and passed on. A multipart
 * body (a complaint with its files) has a limit of its own; its JSON part keeps the JSON limit (AttachmentController).
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final DataSize jsonLimit;
  private final DataSize multipartLimit;
  private final Predicate<HttpServletRequest> takesFiles;
  private final ProblemResponses problems;

  public RequestSizeLimitFilter(DataSize limit, ProblemResponses problems) {
    this(limit, limit, request -> false, problems);
  }

  /** @param takesFiles the endpoints that accept files, which get the multipart limit for a multipart body */
  public RequestSizeLimitFilter(DataSize limit, DataSize multipartLimit, Predicate<HttpServletRequest> takesFiles,
      ProblemResponses problems) {
    this.jsonLimit = limit;
    this.multipartLimit = multipartLimit;
    this.takesFiles = takesFiles;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean files = isMultipart(request) && takesFiles.test(request);
    DataSize limit = files ? multipartLimit : jsonLimit;
    long length = request.getContentLengthLong();
    if (length > limit.toBytes()) {
      tooLarge(request, response, limit);
      return;
    }
    // A chunked multipart body is not buffered here: the container parses its parts from the stream itself, and
    // its multipart limit (AttachmentConfiguration, the same size) stops it while it reads.
    if (length < 0 && !files && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
      byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit.toBytes() + 1));
      if (body.length > limit.toBytes()) {
        tooLarge(request, response, limit);
        return;
      }
      chain.doFilter(new BodyAlreadyRead(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String type = request.getContentType();
    return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response, DataSize limit) throws IOException {
    problems.send(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + readable(limit) + ". Nothing was stored.");
  }

  private static String readable(DataSize size) {
    if (size.toBytes() % (1024 * 1024) == 0) {
      return size.toMegabytes() + " MB";
    }
    return size.toBytes() % 1024 == 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
  }
}
