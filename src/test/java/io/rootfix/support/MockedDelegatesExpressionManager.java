package io.rootfix.support;

import io.rootfix.locale.LocaleSettings;
import io.rootfix.modelcheck.DataOnlyExpressionManager;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The process tests' expression manager (camunda.cfg.xml): Rootfix's own, so the models run in the process
 * tests as in the application, with the delegates the test registered by name ({@link Mocks}) and the values a
 * model reads from Rootfix's records as the test registered them ({@link #readFromRecord}).
 */
public class MockedDelegatesExpressionManager extends DataOnlyExpressionManager {

  private static final String FROM_RECORD = "from-record:";

  public MockedDelegatesExpressionManager() {
    super(Mocks::get, MockedDelegatesExpressionManager::fromRecord, LocaleSettings.DEFAULT_ZONE);
  }

  /** What a model reads by this name from Rootfix's records in this test (cleared by {@link Mocks#reset()}). */
  public static void readFromRecord(String name, Function<VariableScope, Object> read) {
    Mocks.register(FROM_RECORD + name, read);
  }

  @SuppressWarnings("unchecked")
  private static Object fromRecord(String name, VariableScope scope) {
    return Mocks.get(FROM_RECORD + name) instanceof Function<?, ?> read
        ? ((Function<VariableScope, Object>) read).apply(scope) : null;
  }
}
