package io.rootfix.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API as Camunda ships it, plus one thing: when a task form is submitted with bad
 * input (our task listeners reject it with {@link InvalidInputException}), the caller gets a 400 naming
 * the fields instead of the engine's generic 500. Tasklist shows the message on the form.
 */
@Configuration
class EngineRestConfiguration {

  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerAdditionalResources() {
        register(InvalidInputMapper.class);
        register(WrappedInvalidInputMapper.class);
      }
    };
  }

  /** Bad input thrown by a delegate, e.g. the phone-intake start form's registration. */
  static class InvalidInputMapper implements ExceptionMapper<InvalidInputException> {
    @Override
    public Response toResponse(InvalidInputException exception) {
      return badRequest(exception);
    }
  }

  /**
   * Bad input rejected by a task listener reaches the REST layer wrapped in the engine's 500 RestException.
   * Preferred over Camunda's own mapper for RestException; hands everything else back to it.
   */
  @Priority(1)
  static class WrappedInvalidInputMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
        if (cause instanceof InvalidInputException invalid) {
          return badRequest(invalid);
        }
      }
      return camunda.toResponse(exception);
    }
  }

  /** Camunda's error shape (type, message), which Tasklist shows, plus the bad fields. */
  static Response badRequest(InvalidInputException invalid) {
    List<Map<String, String>> errors = invalid.getFieldErrors().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
        .toList();
    return Response.status(Response.Status.BAD_REQUEST)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "InvalidInputException", "message", invalid.getMessage(), "errors", errors))
        .build();
  }
}
