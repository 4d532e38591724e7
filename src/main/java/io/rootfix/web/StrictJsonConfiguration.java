package io.rootfix.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Completes the strict JSON input of application.yaml (unknown fields and string-to-number or -boolean
 * coercion rejected): a number or boolean where text is expected is a wrong type too, not text, and a field
 * given twice is refused rather than the last one silently winning (two parsers could read two different
 * complaints from one body). Only Rootfix's API reads JSON with this mapper; the engine REST API has its own.
 */
@Configuration
class StrictJsonConfiguration {

  @Bean
  Jackson2ObjectMapperBuilderCustomizer noScalarAsText() {
    return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .postConfigurer(mapper -> mapper.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
  }
}
