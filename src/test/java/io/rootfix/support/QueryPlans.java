package io.rootfix.support;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The plans the database chooses for the statements some engine work sends: the statements are read off MyBatis'
 * log while the work runs, their parameters written in, and each is run once more under EXPLAIN ANALYZE. For
 * finding what a query's cost grows with (which index, which scan, how many rows), not for timing it.
 */
public final class QueryPlans {

  private static final String PREPARING = "==>  Preparing: ";
  private static final String PARAMETERS = "==> Parameters: ";
  // MyBatis writes each parameter as value(Type), separated by ", "; a null as null.
  private static final Pattern PARAMETER = Pattern.compile("(null|.*?\\((\\w+)\\))(?:, |$)");

  private QueryPlans() {}

  /** Each statement {@code work} sent through the mappers under {@code logger}, with the database's plan for it. */
  public static List<String> of(JdbcTemplate jdbc, String database, String logger, Callable<?> work) {
    String explain = "postgres".equals(database) ? "explain (analyze, buffers) " : "explain analyze ";
    return statements(logger, work).stream()
        .map(statement -> statement + "\n" + String.join("\n", jdbc.queryForList(explain + statement, String.class)))
        .toList();
  }

  /** Each statement {@code work} sent through the mappers under {@code logger}, its parameters written in. */
  public static List<String> statements(String logger, Callable<?> work) {
    List<String> messages = CapturedLog.during(logger, () -> {
      try {
        return work.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).messages();
    List<String> statements = new ArrayList<>();
    String sql = null;
    for (String message : messages) {
      if (message.startsWith(PREPARING)) {
        sql = message.substring(PREPARING.length());
      } else if (message.startsWith(PARAMETERS) && sql != null) {
        statements.add(withParameters(sql, message.substring(PARAMETERS.length())));
        sql = null;
      }
    }
    return statements;
  }

  /**
   * The database's plan ({@code explain}) of a statement, after the statements of {@code setup} (rows of a backlog,
   * planner switches), all in one transaction that is rolled back: nothing of it stays.
   */
  public static String planAfter(JdbcTemplate jdbc, String sql, String... setup) {
    return jdbc.execute((ConnectionCallback<String>) connection -> {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (String step : setup) {
          statement.execute(step);
        }
        List<String> lines = new ArrayList<>();
        try (ResultSet plan = statement.executeQuery("explain " + sql)) {
          while (plan.next()) {
            lines.add(plan.getString(1));
          }
        }
        return String.join("\n", lines);
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    });
  }

  static String withParameters(String sql, String parameters) {
    List<String> literals = new ArrayList<>();
    Matcher m = PARAMETER.matcher(parameters);
    while (m.find()) {
      if (m.group(2) == null) {
        literals.add("null");
        continue;
      }
      String value = m.group(1).substring(0, m.group(1).length() - m.group(2).length() - 2);
      literals.add(switch (m.group(2)) {
        case "Integer", "Long", "Short", "Boolean", "BigDecimal", "Double" -> value;
        default -> "'" + value.replace("'", "''") + "'";
      });
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (char c : sql.toCharArray()) {
      if (c == '?' && next < literals.size()) {
        out.append(literals.get(next++));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
