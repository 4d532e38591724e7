package io.rootfix.support;

import io.rootfix.locale.LocaleSettings;
import io.rootfix.modelcheck.DataOnlyExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The process tests' expression manager (camunda.cfg.xml): Rootfix's own, so the models run in the process
 * tests as in the application, with the delegates the test registered by name ({@link Mocks}).
 */
public class MockedDelegatesExpressionManager extends DataOnlyExpressionManager {

  public MockedDelegatesExpressionManager() {
    super(Mocks::get, LocaleSettings.DEFAULT_ZONE);
  }
}
