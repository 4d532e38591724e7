package io.rootfix.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryPlansTest {

  @Test
  void writesMyBatisParametersIntoTheStatementAsLiterals() {
    String sql = "select * from T where A = ? and B in (?, ?) and C > ? and D = ? limit ? offset ?";
    String parameters = "sam(String), queue-billing(String), O'Brien, Ltd.(String), 2026-12-06 18:00:00.0(Timestamp), "
        + "null, 15(Integer), 0(Integer)";

    assertThat(QueryPlans.withParameters(sql, parameters)).isEqualTo("select * from T where A = 'sam' and B in "
        + "('queue-billing', 'O''Brien, Ltd.') and C > '2026-12-06 18:00:00.0' and D = null limit 15 offset 0");
  }

  @Test
  void aStatementWithoutParametersStaysAsItIs() {
    assertThat(QueryPlans.withParameters("select count(*) from T", "")).isEqualTo("select count(*) from T");
  }
}
