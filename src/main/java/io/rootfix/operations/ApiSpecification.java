package io.rootfix.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the generated OpenAPI document says about itself: its name, and that the API takes HTTP Basic. */
@Configuration
class ApiSpecification {

  @Bean
  OpenAPI rootfixApi() {
    return new OpenAPI()
        .info(new Info().title("Rootfix API").version("1")
            .description("Complaint intake, the customer's status, promises, remedies, root causes, insights and "
                + "the audit trail. Intake and status are public; the rest needs HTTP Basic with a Rootfix user, "
                + "by group (README: The API; docs/service-staff.md: Who may do what)."))
        .components(new Components().addSecuritySchemes("basic",
            new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
