package io.rootfix.modelcheck;

import java.beans.FeatureDescriptor;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.joda.time.DateTime;
import org.joda.time.DateTimeZone;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MethodNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * Evaluates the expressions of models so that they can read data and nothing else, whatever slipped past
 * {@link ModelCheck}: a delegate bean by name, a process variable, an entry of a map or list variable (a
 * decision's result), the engine's functions ({@code now()}, {@code dateTime()}, {@code currentUser()},
 * {@code currentUserGroups()}) and date arithmetic on {@code dateTime()} for Tasklist filters. No other method
 * is called on anything and no property of an object is read, so
 * {@code execution.getClass()}, {@code getProcessEngineServices()}, {@code Runtime} and class loaders are out
 * of reach; other Spring beans are not visible at all.
 *
 * <p>Camunda's {@code SpringExpressionManager} resolves every bean of the application and ends its chain with a
 * {@code BeanELResolver}, which calls any public method by reflection: that is what made a model run code.
 *
 * <p>A variable that is not set reads as {@code null} (the engine's resolvers would fail), so a model writes
 * {@code ${owner}} or {@code ${repeatOf == null}} where it used to call {@code execution.getVariable("owner")}.
 */
public class DataOnlyExpressionManager extends JuelExpressionManager {

  private final Function<String, Object> delegateBeans;
  private final RecordReads recordReads;
  private final DateTimeZone zone;

  /** Reads a name from Rootfix's records for an execution or task ({@code ReadFromRecord}); null: not there. */
  @FunctionalInterface
  public interface RecordReads {
    Object read(String name, VariableScope scope);
  }

  /**
   * @param delegateBeans the delegate bean of the given name, or {@code null} when there is none
   * @param zone the company's zone, where a filter's "today" begins and ends (rootfix.locale.zone)
   */
  public DataOnlyExpressionManager(Function<String, Object> delegateBeans, ZoneId zone) {
    this(delegateBeans, (name, scope) -> null, zone);
  }

  /**
   * @param recordReads a value a model reads by name from Rootfix's records, ahead of a variable of that name
   */
  public DataOnlyExpressionManager(Function<String, Object> delegateBeans, RecordReads recordReads, ZoneId zone) {
    this.delegateBeans = delegateBeans;
    this.recordReads = recordReads;
    this.zone = DateTimeZone.forID(zone.getId());
  }

  @Override
  protected ELResolver createElResolver() {
    CompositeELResolver resolver = new CompositeELResolver();
    // Delegate beans first: a process variable of the same name cannot stand in for a delegate.
    resolver.add(new DelegateBeans());
    resolver.add(new FromRecords());
    resolver.add(new VariableScopeElResolver());
    resolver.add(new VariableContextElResolver());
    resolver.add(new MapELResolver(true));
    resolver.add(new ListELResolver(true));
    resolver.add(new EarlierModels());
    resolver.add(new DateArithmetic(zone));
    resolver.add(new NothingElse());
    return resolver;
  }

  /** Resolves a top-level name that is a delegate bean. */
  private final class DelegateBeans extends ReadOnlyResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null && property instanceof String name) {
        Object bean = delegateBeans.apply(name);
        if (bean != null) {
          context.setPropertyResolved(true);
          return bean;
        }
      }
      return null;
    }
  }

  /** Resolves a top-level name Rootfix reads from its records for this execution or task, when it has a value. */
  private final class FromRecords extends ReadOnlyResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base == null && property instanceof String name
          && context.getContext(VariableScope.class) instanceof VariableScope scope) {
        Object value = recordReads.read(name, scope);
        if (value != null) {
          context.setPropertyResolved(true);
          return value;
        }
      }
      return null;
    }
  }

  /**
   * The three reads Rootfix's models made before {@link ModelCheck} existed, for instances still running on
   * those versions: {@code execution.getVariable("x")}, {@code decisionResult.getSingleResult()} and
   * {@code .getEntry("x")}. Each reads data by name, like {@code ${x}}; no other method, and no reflection.
   * New deployments may not use them ({@link ExpressionGrammar}).
   */
  static final class EarlierModels extends ReadOnlyResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      int arity = params == null ? 0 : params.length;
      Object result = null;
      boolean read = true;
      if (base instanceof VariableScope scope && "getVariable".equals(method) && arity == 1
          && params[0] instanceof String name) {
        result = scope.getVariable(name);
      } else if (base instanceof DmnDecisionResult decision && "getSingleResult".equals(method) && arity == 0) {
        result = decision.getSingleResult();
      } else if (base instanceof DmnDecisionResultEntries entries && "getEntry".equals(method) && arity == 1
          && params[0] instanceof String name) {
        result = entries.getEntry(name);
      } else {
        read = false;
      }
      if (read) {
        context.setPropertyResolved(true);
      }
      return result;
    }
  }

  /**
   * Date arithmetic on the engine's {@code dateTime()} for Tasklist filters ("due today":
   * {@code ${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}}): these named methods of a Joda
   * {@link DateTime}, called directly, no reflection. Models may not use it ({@link ExpressionGrammar}).
   *
   * <p>The engine's {@code dateTime()} is in the server's zone; the day is the company's. On a server in UTC,
   * "due today" ended at 01:00 Amsterdam time, so from 00:00 to 01:00 it showed yesterday's tasks and none of
   * today's.
   */
  static final class DateArithmetic extends ReadOnlyResolver {

    private final DateTimeZone zone;

    DateArithmetic(DateTimeZone zone) {
      this.zone = zone;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      if (!(base instanceof DateTime date) || !(method instanceof String name)) {
        return null;
      }
      int arity = params == null ? 0 : params.length;
      DateTime local = date.withZone(zone);
      Object result = arity == 0 ? noArguments(local, name)
          : arity == 1 && params[0] instanceof Number amount ? shifted(local, name, amount.intValue()) : null;
      if (result != null) {
        context.setPropertyResolved(true);
      }
      return result;
    }

    private static Object noArguments(DateTime date, String name) {
      return switch (name) {
        case "withTimeAtStartOfDay" -> date.withTimeAtStartOfDay();
        case "toDate" -> date.toDate();
        default -> null;
      };
    }

    private static Object shifted(DateTime date, String name, int amount) {
      return switch (name) {
        case "plusYears" -> date.plusYears(amount);
        case "plusMonths" -> date.plusMonths(amount);
        case "plusWeeks" -> date.plusWeeks(amount);
        case "plusDays" -> date.plusDays(amount);
        case "plusHours" -> date.plusHours(amount);
        case "plusMinutes" -> date.plusMinutes(amount);
        case "minusYears" -> date.minusYears(amount);
        case "minusMonths" -> date.minusMonths(amount);
        case "minusWeeks" -> date.minusWeeks(amount);
        case "minusDays" -> date.minusDays(amount);
        case "minusHours" -> date.minusHours(amount);
        case "minusMinutes" -> date.minusMinutes(amount);
        default -> null;
      };
    }
  }

  /** The end of the chain: an unset variable is null; any other property and every method call is refused. */
  static final class NothingElse extends ReadOnlyResolver {

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      context.setPropertyResolved(true);
      if (base == null) {
        return null;
      }
      throw new PropertyNotFoundException("A model may not read '" + property + "' of a "
          + base.getClass().getSimpleName() + ": only variables, entries of a decision's result and delegate beans");
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
      throw new MethodNotFoundException("A model may not call methods ('" + method + "' on a "
          + (base == null ? "null" : base.getClass().getSimpleName()) + ")");
    }
  }

  /** A resolver that never writes and describes nothing. */
  private abstract static class ReadOnlyResolver extends ELResolver {

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        throw new PropertyNotWritableException("A model may not write '" + property + "'");
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }
  }
}
