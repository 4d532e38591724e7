package io.rootfix.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of Rootfix's API as RFC 9457 problem details. Bad input names every bad field under
 * {@code errors}; nothing returns a stack trace.
 */
@RestControllerAdvice(basePackages = "io.rootfix")
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  record FieldError(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
        .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
        .sorted((a, b) -> a.field().compareTo(b.field()))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
      HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    Throwable cause = ex.getCause();
    String duplicate = duplicateField(cause);
    if (duplicate != null) {
      return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(duplicate, "is given more than once"))));
    }
    if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(fieldPath(mismatch), problem(mismatch)))));
    }
    String detail;
    if (cause == null) {
      detail = "The request body is missing";
    } else if (cause instanceof MismatchedInputException) {
      detail = "The request body must be a JSON object";
    } else if (cause instanceof JsonProcessingException json && json.getLocation() != null) {
      // Where, but not Jackson's message: that quotes the input back.
      detail = "The request body is not valid JSON (line %d, column %d)"
          .formatted(json.getLocation().getLineNr(), json.getLocation().getColumnNr());
    } else {
      detail = "The request body is not valid JSON";
    }
    return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail));
  }

  /**
   * The field a body gives twice (JsonParser.Feature.STRICT_DUPLICATE_DETECTION), or null: the parser stands
   * on the second one when it refuses.
   */
  private static String duplicateField(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException read && read.getProcessor() != null
          && read.getOriginalMessage() != null && read.getOriginalMessage().startsWith("Duplicate field")) {
        return read.getProcessor().getParsingContext().pathAsPointer().toString().substring(1).replace('/', '.');
      }
    }
    return null;
  }

  private static String fieldPath(MismatchedInputException mismatch) {
    return mismatch.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String problem(MismatchedInputException mismatch) {
    if (mismatch instanceof UnrecognizedPropertyException) {
      return "is not a known field";
    }
    Class<?> expected = mismatch.getTargetType();
    if (expected == String.class) {
      return "must be text (a JSON string)";
    }
    if (expected == Boolean.class || expected == boolean.class) {
      return "must be true or false";
    }
    return "has the wrong type";
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ProblemDetail> invalidInput(InvalidInputException ex) {
    List<FieldError> errors = ex.getFieldErrors().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> new FieldError(e.getKey(), e.getValue()))
        .toList();
    return ResponseEntity.badRequest().body(invalid(errors));
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(NotFoundException ex) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage()));
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<ProblemDetail> conflict(ConflictException ex) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage()));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception ex) {
    LOG.error("Unexpected error in the API", ex);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side; nothing was stored. Please try again later."));
  }

  private static ProblemDetail invalid(List<FieldError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "Invalid input: " + errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", ")));
    problem.setTitle("Invalid input");
    problem.setProperty("errors", errors);
    return problem;
  }
}
