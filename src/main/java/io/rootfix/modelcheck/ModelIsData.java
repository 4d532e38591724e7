package io.rootfix.modelcheck;

import io.rootfix.locale.LocaleSettings;
import io.rootfix.process.ReadFromRecord;
import io.rootfix.process.ShownOnForms;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * A model is data, not code (docs/process-owners.md: What a process owner may put in a model). Three locks, each enough on
 * its own against a model that tries to run code:
 * <ol>
 *   <li>{@link ModelCheck} refuses such a deployment (400 naming the element);
 *   <li>{@link DataOnlyExpressionManager} evaluates expressions without method calls or objects' properties,
 *       and sees no Spring bean but the delegates (and the values a process reads from Rootfix's records,
 *       {@link ReadFromRecord}, by name like a variable);
 *   <li>the engine finds no script engine for any language.
 * </ol>
 * The delegates are the application's beans that implement {@link JavaDelegate}, {@link TaskListener},
 * {@link ExecutionListener} or {@link DelegateVariableMapping}. They are looked up by name only when an
 * expression needs one: the engine is built before them (they use its services).
 */
@Component
class ModelIsData extends AbstractProcessEnginePlugin {

  static final List<Class<?>> DELEGATE_TYPES =
      List.of(JavaDelegate.class, TaskListener.class, ExecutionListener.class, DelegateVariableMapping.class);

  private final ListableBeanFactory beans;
  private final LocaleSettings locale;
  private final ShownOnForms shownOnForms;
  private volatile Set<String> delegateNames;
  private volatile Map<String, List<ReadFromRecord>> recordReaders;

  ModelIsData(ListableBeanFactory beans, LocaleSettings locale, ShownOnForms shownOnForms) {
    this.beans = beans;
    this.locale = locale;
    this.shownOnForms = shownOnForms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new DataOnlyExpressionManager(
        name -> isDelegate(name) ? beans.getBean(name) : null, this::readFromRecord, locale.zone()));
    List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
    preDeployers.add(0, new ModelCheck(this::isDelegate, shownOnForms::namesOnceKnown));
    configuration.setCustomPreDeployers(preDeployers);
    configuration.setScriptEngineResolver(new NoScripts());
  }

  boolean isDelegate(String name) {
    return delegateNames().contains(name);
  }

  /** Read from the bean definitions once they are all known, without creating any bean. */
  private Set<String> delegateNames() {
    Set<String> names = delegateNames;
    if (names == null) {
      names = DELEGATE_TYPES.stream()
          .flatMap(type -> Arrays.stream(beans.getBeanNamesForType(type, true, false)))
          .collect(Collectors.toUnmodifiableSet());
      delegateNames = names;
    }
    return names;
  }

  /** A name the scope's process reads from Rootfix's records ({@link ReadFromRecord}), or null. */
  private Object readFromRecord(String name, VariableScope scope) {
    List<ReadFromRecord> readers = recordReaders().get(name);
    if (readers == null) {
      return null;
    }
    String process = processKeyOf(scope);
    for (ReadFromRecord reader : readers) {
      if (reader.processKey().equals(process)) {
        return reader.read(name, scope);
      }
    }
    return null;
  }

  private Map<String, List<ReadFromRecord>> recordReaders() {
    Map<String, List<ReadFromRecord>> readers = recordReaders;
    if (readers == null) {
      readers = beans.getBeansOfType(ReadFromRecord.class).values().stream()
          .flatMap(reader -> reader.names().stream().map(name -> Map.entry(name, reader)))
          .collect(Collectors.groupingBy(Map.Entry::getKey,
              Collectors.mapping(Map.Entry::getValue, Collectors.toUnmodifiableList())));
      recordReaders = readers;
    }
    return readers;
  }

  private static String processKeyOf(VariableScope scope) {
    ExecutionEntity execution = scope instanceof ExecutionEntity e ? e
        : scope instanceof TaskEntity task ? task.getExecution() : null;
    return execution == null || execution.getProcessDefinition() == null ? null
        : execution.getProcessDefinition().getKey();
  }

  /** No script engine for any language, JUEL included (its script engine calls any method by reflection). */
  static final class NoScripts implements ScriptEngineResolver {

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return new ScriptEngineManager(null) {
        @Override
        public ScriptEngine getEngineByName(String shortName) {
          return null;
        }
      };
    }

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      // none is ever used
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
      throw new ProcessEngineException("Rootfix runs no scripts (" + language + "): a model is data, not code");
    }
  }
}
