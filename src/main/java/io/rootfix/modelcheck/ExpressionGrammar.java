package io.rootfix.modelcheck;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a model may say (docs/process-owners.md: What a process owner may put in a model).
 *
 * <ul>
 *   <li>Where the engine expects a delegate ({@code delegateExpression}): exactly {@code ${beanName}}, naming a
 *       Rootfix delegate bean.
 *   <li>Everywhere else: process variables and literals (strings, numbers, {@code true}, {@code false},
 *       {@code null}) joined by comparisons ({@code == != < > <= >=} and their word forms), {@code && || !}
 *       ({@code and or not}), {@code empty}, a unary minus, parentheses and {@code a ? b : c}, e.g.
 *       {@code ${remedyType == "REFUND" && !approved}}, {@code ${not empty repeatOf}}, {@code ${dueAt}}.
 *   <li>In an output parameter of a business rule task, also {@code decisionResult[0].name}: an output of the
 *       decision's first matching rule.
 * </ul>
 *
 * No method or function call, no property of an object, no arithmetic, no bean in a variable's place, none of
 * the engine objects ({@code execution}, {@code task}, …).
 */
final class ExpressionGrammar {

  /** Names the engine resolves to its own objects rather than to variables. */
  static final Set<String> ENGINE_OBJECTS =
      Set.of("execution", "task", "caseExecution", "externalTask", "variableScope", "authenticatedUserId");

  static final String DECISION_RESULT = "decisionResult";

  private static final Set<AstBinary.Operator> COMPARISONS = Set.of(AstBinary.EQ, AstBinary.NE, AstBinary.LT,
      AstBinary.GT, AstBinary.LE, AstBinary.GE, AstBinary.AND, AstBinary.OR);

  // Method calls parse, so that they are refused as calls and not as syntax errors.
  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final Predicate<String> isDelegateBean;

  ExpressionGrammar(Predicate<String> isDelegateBean) {
    this.isDelegateBean = isDelegateBean;
  }

  /** Whether text holds an expression at all; text without one is a literal to the engine. */
  static boolean holdsExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why {@code expression} is not a reference to a delegate bean, or empty when it is one. */
  Optional<String> checkDelegateReference(String expression) {
    Node root;
    try {
      root = PARSER.build(expression.trim()).getRoot();
    } catch (TreeBuilderException e) {
      return Optional.of("'" + expression + "' is not a valid expression");
    }
    if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier id) {
      return isDelegateBean.test(id.getName()) ? Optional.empty()
          : Optional.of("'" + id.getName() + "' is not a Rootfix delegate bean");
    }
    return Optional.of("'" + expression + "' must be a delegate bean's name alone, like ${recordTaskOutcome}");
  }

  /** Why {@code expression} is outside the data grammar, or empty when it is within. */
  Optional<String> checkData(String expression, boolean decisionResultAllowed) {
    Node root;
    try {
      root = PARSER.build(expression).getRoot();
    } catch (TreeBuilderException e) {
      return Optional.of("'" + expression + "' is not a valid expression");
    }
    return check(root, decisionResultAllowed).map(reason -> "'" + expression + "' " + reason);
  }

  private Optional<String> check(Node node, boolean decisionResultAllowed) {
    if (node instanceof AstMethod) {
      return Optional.of("calls a method; a model compares variables (${owner}) and names delegate beans only");
    }
    if (node instanceof AstFunction) {
      return Optional.of("calls a function");
    }
    if (node instanceof AstDot || node instanceof AstBracket) {
      return decisionResultAllowed && isDecisionResultEntry(node) ? Optional.empty()
          : Optional.of("reads a property of an object (only a variable's name is allowed)");
    }
    if (node instanceof AstIdentifier id) {
      return checkIdentifier(id.getName(), decisionResultAllowed);
    }
    if (node instanceof AstBinary binary && !COMPARISONS.contains(binary.getOperator())) {
      return Optional.of("computes (" + binary.getOperator() + "); compare variables, or compute in a delegate");
    }
    if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
        || node instanceof AstBoolean || node instanceof AstNull) {
      return Optional.empty();
    }
    if (!(node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
        || node instanceof AstChoice || node instanceof AstBinary || node instanceof AstUnary)) {
      return Optional.of("uses " + node.getClass().getSimpleName() + ", which a model may not");
    }
    for (int i = 0; i < node.getCardinality(); i++) {
      Optional<String> child = check(node.getChild(i), decisionResultAllowed);
      if (child.isPresent()) {
        return child;
      }
    }
    return Optional.empty();
  }

  private Optional<String> checkIdentifier(String name, boolean decisionResultAllowed) {
    if (ENGINE_OBJECTS.contains(name)) {
      return Optional.of("uses the engine's '" + name + "' object (only process variables are allowed)");
    }
    if (DECISION_RESULT.equals(name)) {
      return decisionResultAllowed ? Optional.of("uses decisionResult other than as decisionResult[0].name")
          : Optional.of("uses decisionResult outside an output of a business rule task");
    }
    if (isDelegateBean.test(name)) {
      return Optional.of("uses the delegate bean '" + name + "' where a variable is expected");
    }
    return Optional.empty();
  }

  /** {@code decisionResult[<number>].name}, or {@code decisionResult[<number>]["name"]}. */
  private static boolean isDecisionResultEntry(Node node) {
    if (node.getCardinality() < 1) {
      return false;
    }
    Node row = node.getChild(0);
    boolean entryName = node instanceof AstDot
        || (node instanceof AstBracket && node.getChild(1) instanceof AstString);
    return entryName && row instanceof AstBracket index
        && index.getChild(0) instanceof AstIdentifier id && DECISION_RESULT.equals(id.getName())
        && index.getChild(1) instanceof AstNumber;
  }
}
