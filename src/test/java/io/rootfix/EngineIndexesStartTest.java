package io.rootfix;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/** Where the application may not index the engine's tables (a DBA owns them), Rootfix still starts. */
class EngineIndexesStartTest {

  @Test
  void anIndexTheDatabaseRefusesIsSkippedAndTheOthersAreStillCreated() throws SQLException {
    Statement statement = mock(Statement.class);
    when(statement.execute(anyString())).thenThrow(new SQLException("must be owner of table act_ru_task"));
    Connection connection = mock(Connection.class);
    when(connection.createStatement()).thenReturn(statement);
    DataSource dataSource = mock(DataSource.class);
    when(dataSource.getConnection()).thenReturn(connection);
    ProcessEngineConfigurationImpl configuration = mock(ProcessEngineConfigurationImpl.class);
    when(configuration.getDatabaseType()).thenReturn("postgres");
    when(configuration.getDataSource()).thenReturn(dataSource);
    ProcessEngine engine = mock(ProcessEngine.class);
    when(engine.getProcessEngineConfiguration()).thenReturn(configuration);

    assertThatNoException().isThrownBy(() -> new EngineIndexes().postProcessEngineBuild(engine));
    verify(statement, times(EngineIndexes.STATEMENTS.size() + EngineIndexes.POSTGRES_STATEMENTS.size()))
        .execute(anyString());
  }
}
