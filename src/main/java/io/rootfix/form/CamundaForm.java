package io.rootfix.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Camunda Form ({@code forms/*.form}) reduced to what its submission may contain: its input fields by key.
 * Layout, headings and HTML views have no key and submit nothing.
 */
public record CamundaForm(String id, Map<String, FormField> fields) {

  /** The input types Rootfix's forms use and the server knows how to check. */
  public static final List<String> INPUT_TYPES =
      List.of("textfield", "textarea", "number", "checkbox", "select", "radio", "datetime");

  private static final ObjectMapper JSON = new ObjectMapper();

  public static CamundaForm parse(byte[] json) {
    try {
      JsonNode root = JSON.readTree(json);
      Map<String, FormField> fields = new LinkedHashMap<>();
      collect(root.path("components"), false, fields);
      return new CamundaForm(root.path("id").asText(null), Collections.unmodifiableMap(fields));
    } catch (IOException e) {
      throw new IllegalArgumentException("Not a Camunda Form: " + e.getMessage(), e);
    }
  }

  public FormField field(String key) {
    return fields.get(key);
  }

  private static void collect(JsonNode components, boolean insideConditional, Map<String, FormField> fields) {
    for (JsonNode component : components) {
      boolean conditional = insideConditional || component.path("conditional").hasNonNull("hide");
      if (component.has("components")) {
        collect(component.path("components"), conditional, fields);
      }
      String key = component.path("key").asText(null);
      if (key == null || key.isBlank()) {
        continue;
      }
      JsonNode validate = component.path("validate");
      List<String> options = new ArrayList<>();
      component.path("values").forEach(option -> options.add(option.path("value").asText()));
      fields.put(key, new FormField(
          key,
          component.path("type").asText(),
          component.path("subtype").asText(null),
          component.path("label").asText(component.path("dateLabel").asText(key)),
          component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false),
          conditional,
          !conditional && validate.path("required").asBoolean(false),
          intOrNull(validate.path("minLength")),
          intOrNull(validate.path("maxLength")),
          validate.path("pattern").asText(null),
          decimalOrNull(validate.path("min")),
          decimalOrNull(validate.path("max")),
          intOrNull(component.path("decimalDigits")),
          component.path("disallowPassedDates").asBoolean(false),
          component.has("values") ? List.copyOf(options) : null,
          component.path("valuesKey").asText(null)));
    }
  }

  private static Integer intOrNull(JsonNode node) {
    return node.isNumber() ? node.intValue() : null;
  }

  private static BigDecimal decimalOrNull(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : null;
  }
}
