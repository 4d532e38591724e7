package io.rootfix.security;

import io.rootfix.web.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Only the process moves a complaint. Camunda lets anyone who may start a process start it at any activity, and
 * anyone who may work on a task set any variable; its authorisations say <em>who</em> may touch a resource, not
 * <em>how</em>. So every engine command a signed-in person runs (Tasklist, Cockpit, Admin, the engine REST API)
 * passes {@link PeopleCommands} first, inside the command's own transaction: a task is completed only through
 * its form with the form's fields, a process is started only at its start form, and nobody sets variables,
 * correlates messages or moves instances by hand. Rootfix's own work (its services, delegates, the job
 * executor) runs without a person's authentication, and commands nested in a checked one are part of it.
 *
 * <p>Also turns off the construction of arbitrary Java objects from variables: the engine's deserialisation
 * type check is on with nothing allowed (Rootfix keeps no Java-serialised or JSON-mapped objects in variables).
 */
@Component
class ProcessGuard extends AbstractProcessEnginePlugin {

  private final PeopleCommands rules;

  ProcessGuard(PeopleCommands rules) {
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
    }
    interceptors.add(new Interceptor(configuration, rules));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);

    configuration.setDeserializationTypeValidationEnabled(true);
    configuration.setDeserializationAllowedClasses("");
    configuration.setDeserializationAllowedPackages("");
  }

  static final class Interceptor extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private final PeopleCommands rules;

    Interceptor(ProcessEngineConfigurationImpl configuration, PeopleCommands rules) {
      this.configuration = configuration;
      this.rules = rules;
    }

    @Override
    public <T> T execute(Command<T> command) {
      if (Context.getCommandContext() != null) {
        return next.execute(command); // part of a command already checked, or of Rootfix's own work
      }
      Authentication authentication = configuration.getIdentityService().getCurrentAuthentication();
      if (authentication == null || authentication.getUserId() == null) {
        return next.execute(command);
      }
      return next.execute(new Checked<>(command, new Person(authentication), rules));
    }
  }

  /** The person's command, checked and run in one transaction, so nothing changes between check and effect. */
  private record Checked<T>(Command<T> command, Person person, PeopleCommands rules) implements Command<T> {

    @Override
    public T execute(CommandContext context) {
      rules.check(command, person, context);
      try {
        return command.execute(context);
      } catch (RuntimeException failure) {
        throw unwrapped(failure);
      }
    }

    @Override
    public String toString() {
      return command.getClass().getSimpleName() + " by " + person.userId();
    }
  }

  /** Who is acting, and what their groups let them decide. */
  record Person(String userId, List<String> groups) {

    Person(Authentication authentication) {
      this(authentication.getUserId(),
          authentication.getGroupIds() == null ? List.of() : List.copyOf(authentication.getGroupIds()));
    }

    boolean isAdmin() {
      return groups.contains(Groups.ADMINS);
    }

    /** Team leads (and admins) assign and reassign work. */
    boolean assignsWork() {
      return isAdmin() || groups.contains(Groups.TEAM_LEADS);
    }
  }

  /** A listener's refusal reaches the caller as the 400 it is, not wrapped in the engine's 500. */
  static RuntimeException unwrapped(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return failure;
  }
}
