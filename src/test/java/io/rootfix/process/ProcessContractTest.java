package io.rootfix.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rootfix.complaint.ComplaintProcess;
import io.rootfix.mailbox.ReadMailProcess;
import io.rootfix.notify.SendByHandProcess;
import io.rootfix.promise.PromiseProcess;
import io.rootfix.remedy.RemedyProcess;
import io.rootfix.rootcause.RootCauseProcess;
import io.rootfix.support.RootfixIntegrationTest;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The contract between the models in {@code processes/} and {@code forms/} and the code: every delegate expression
 * names a bean of the right kind; every element id, message and variable a backing class declares is in its model;
 * every field a model's forms submit is declared in the backing class; and no code outside the backing classes
 * spells an element id. A model edited in Modeler that breaks the code fails here, not in production.
 */
class ProcessContractTest extends RootfixIntegrationTest {

  /** Each BPMN process and the class that holds its names. */
  private static final Map<String, Class<?>> BACKING = Map.of(
      ComplaintProcess.KEY, ComplaintProcess.class,
      PromiseProcess.KEY, PromiseProcess.class,
      RootCauseProcess.KEY, RootCauseProcess.class,
      SendByHandProcess.KEY, SendByHandProcess.class,
      ReadMailProcess.KEY, ReadMailProcess.class,
      RemedyProcess.KEY, RemedyProcess.class);

  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Pattern DELEGATE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
  private static final Pattern ELEMENT_ID_LITERAL =
      Pattern.compile("\"((?:Task|Event|Gateway|Timer|End|Flow|StartEvent|SubProcess|Activity)_[A-Za-z0-9_]+)\"");

  @Autowired
  ApplicationContext context;

  @Test
  void everyDelegateExpressionNamesABeanOfTheRightKind() throws Exception {
    List<String> broken = new ArrayList<>();
    for (Path model : models()) {
      Document xml = parse(model);
      NodeList all = xml.getElementsByTagName("*");
      for (int i = 0; i < all.getLength(); i++) {
        Element element = (Element) all.item(i);
        String expression = element.getAttributeNS(CAMUNDA, "delegateExpression");
        if (expression.isEmpty()) {
          continue;
        }
        Matcher bean = DELEGATE.matcher(expression);
        if (!bean.matches() || !context.containsBean(bean.group(1))) {
          broken.add(model.getFileName() + ": " + expression + " names no bean");
          continue;
        }
        Object delegate = context.getBean(bean.group(1));
        Class<?> kind = element.getLocalName().equals("taskListener") ? TaskListener.class
            : element.getLocalName().equals("executionListener") ? ExecutionListener.class : JavaDelegate.class;
        if (!kind.isInstance(delegate)) {
          broken.add(model.getFileName() + ": " + expression + " is not a " + kind.getSimpleName());
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void everyBackingClassMatchesItsModel() throws Exception {
    List<String> broken = new ArrayList<>();
    for (Path model : models()) {
      Document xml = parse(model);
      Set<String> ids = attributes(xml, "*", null, "id");
      Set<String> messages = attributes(xml, "message", BPMN, "name");
      for (String process : attributes(xml, "process", BPMN, "id")) {
        Class<?> backing = BACKING.get(process);
        if (backing == null) {
          broken.add(model.getFileName() + ": process " + process + " has no backing class");
          continue;
        }
        assertThat(constant(backing, "RESOURCE")).isEqualTo("processes/" + model.getFileName());
        for (String id : strings(nested(backing, "Element"))) {
          if (!ids.contains(id)) {
            broken.add(backing.getSimpleName() + ".Element: " + id + " is not in " + model.getFileName());
          }
        }
        for (Field field : backing.getFields()) {
          if (field.getName().startsWith("MESSAGE_") && field.getType() == String.class
              && !messages.contains((String) field.get(null))) {
            broken.add(backing.getSimpleName() + "." + field.getName() + " is not a message of " + model.getFileName());
          }
        }
        Set<String> names = strings(nested(backing, "Var"));
        for (ProcessVariable<?> variable : typed(backing)) {
          if (!names.contains(variable.name())) {
            broken.add(backing.getSimpleName() + ": typed variable " + variable + " is not declared in its Var");
          }
        }
        for (String form : formRefs(xml)) {
          for (String field : fieldsOf(form)) {
            if (!names.contains(field)) {
              broken.add("forms/" + form + ".form: field " + field + " is not declared in "
                  + backing.getSimpleName() + ".Var");
            }
          }
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  /** Element ids live in the backing classes; anywhere else a renamed task would fail only at run time. */
  @Test
  void noCodeOutsideTheBackingClassesSpellsAnElementId() throws IOException {
    Set<String> literals = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        if (source.getFileName().toString().endsWith("Process.java")) {
          continue;
        }
        Matcher literal = ELEMENT_ID_LITERAL.matcher(Files.readString(source));
        while (literal.find()) {
          literals.add(source.getFileName() + ": " + literal.group(1));
        }
      }
    }
    assertThat(literals).isEmpty();
  }

  /** The check itself fails on a broken contract, so its silence above means something. */
  @Test
  void theChecksSeeWhatTheyAreFor() throws Exception {
    assertThat(strings(nested(ComplaintProcess.class, "Element"))).contains(ComplaintProcess.Element.PATCH_SYMPTOM);
    assertThat(strings(nested(ComplaintProcess.class, "Var"))).doesNotContain("noSuchField");
    assertThat(fieldsOf("patch-symptom")).contains(ComplaintProcess.Var.PATCH_DESCRIPTION).doesNotContain("noSuchField");
    assertThat(formRefs(parse(Path.of(ComplaintProcess.RESOURCE)))).contains("patch-symptom", "phone-intake");
    assertThat(typed(ComplaintProcess.class)).contains(ComplaintProcess.COMPLAINT_ID);
    assertThat(context.containsBean("noSuchDelegate")).isFalse();
    assertThat(ELEMENT_ID_LITERAL.matcher("x = \"Task_PatchSymptom\";").find()).isTrue();
  }

  private static List<Path> models() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  private static Document parse(Path model) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(model.toFile());
  }

  private static Set<String> attributes(Document xml, String localName, String namespace, String attribute) {
    NodeList nodes = namespace == null ? xml.getElementsByTagName("*") : xml.getElementsByTagNameNS(namespace, localName);
    Set<String> values = new LinkedHashSet<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      String value = ((Element) nodes.item(i)).getAttribute(attribute);
      if (!value.isEmpty()) {
        values.add(value);
      }
    }
    return values;
  }

  private static Set<String> formRefs(Document xml) {
    NodeList all = xml.getElementsByTagName("*");
    Set<String> refs = new LinkedHashSet<>();
    for (int i = 0; i < all.getLength(); i++) {
      String ref = ((Element) all.item(i)).getAttributeNS(CAMUNDA, "formRef");
      if (!ref.isEmpty()) {
        refs.add(ref);
      }
    }
    return refs;
  }

  /** The keys a form submits and the variables it reads its options from. */
  private static Set<String> fieldsOf(String form) throws IOException {
    JsonNode json = new ObjectMapper().readTree(Path.of("forms", form + ".form").toFile());
    assertThat(json.path("id").asText()).as("forms/" + form + ".form id").isEqualTo(form);
    Set<String> fields = new LinkedHashSet<>();
    collect(json, fields);
    return fields;
  }

  private static void collect(JsonNode component, Set<String> fields) {
    for (String key : List.of("key", "valuesKey")) {
      if (component.hasNonNull(key)) {
        fields.add(component.get(key).asText());
      }
    }
    component.path("components").forEach(child -> collect(child, fields));
  }

  private static Class<?> nested(Class<?> backing, String name) {
    return Stream.of(backing.getClasses()).filter(c -> c.getSimpleName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(backing.getSimpleName() + " has no " + name));
  }

  private static Set<String> strings(Class<?> holder) throws IllegalAccessException {
    Set<String> values = new LinkedHashSet<>();
    for (Field field : holder.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        values.add((String) field.get(null));
      }
    }
    return values;
  }

  private static List<ProcessVariable<?>> typed(Class<?> backing) throws IllegalAccessException {
    List<ProcessVariable<?>> variables = new ArrayList<>();
    for (Field field : backing.getFields()) {
      if (field.getType() == ProcessVariable.class) {
        variables.add((ProcessVariable<?>) field.get(null));
      }
    }
    return variables;
  }

  private static Object constant(Class<?> backing, String name) throws ReflectiveOperationException {
    return backing.getField(name).get(null);
  }
}
