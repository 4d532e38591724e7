package io.rootfix.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects a request body over the limit with 413 before anything parses it, so a huge body costs neither
 * parsing nor memory. A chunked body announces no length: it is read up to the limit and passed on.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  private final DataSize limit;
  private final ProblemResponses problems;

  public RequestSizeLimitFilter(DataSize limit, ProblemResponses problems) {
    this.limit = limit;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length > limit.toBytes()) {
      tooLarge(request, response);
      return;
    }
    if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
      byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit.toBytes() + 1));
      if (body.length > limit.toBytes()) {
        tooLarge(request, response);
        return;
      }
      chain.doFilter(new BodyAlreadyRead(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
    problems.send(request, response, HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + readable(limit) + ". Nothing was stored.");
  }

  private static String readable(DataSize size) {
    return size.toBytes() % 1024 == 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
  }
}
