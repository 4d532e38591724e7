package io.rootfix.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** Rootfix's engine plugins each add a BPMN parse listener; the engine's list may be unset or unmodifiable. */
public final class ParseListeners {

  private ParseListeners() {
  }

  /** Runs the listener after the engine's own parsing and after the listeners added before it. */
  public static void addLast(ProcessEngineConfigurationImpl configuration, BpmnParseListener listener) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(listener);
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
