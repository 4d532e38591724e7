package io.rootfix.modelcheck;

import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment refused by {@link ModelCheck}. A {@link ParseException}, so the engine REST API answers 400 with
 * the message and, in {@code details}, a report per file with each element's id and line, as for a model the
 * engine cannot parse.
 */
public class ModelRefusedException extends ParseException {

  ModelRefusedException(List<ResourceReport> reports) {
    super(message(reports), reports.get(0).getResourceName(), reports.get(0).getErrors(), List.of());
    resorceReports.clear();
    resorceReports.addAll(reports);
  }

  private static String message(List<ResourceReport> reports) {
    return "A model is data, not code; this deployment is refused. " + reports.stream()
        .flatMap(report -> report.getErrors().stream().map(problem -> report.getResourceName() + where(problem)
            + ": " + problem.getMessage()))
        .collect(Collectors.joining("; "));
  }

  private static String where(Problem problem) {
    return problem.getLine() > 0 ? " line " + problem.getLine() : "";
  }
}
