package io.rootfix.status;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /status}: the customer's page (static/status.html), which calls {@code GET /api/status/…}. */
@Configuration
class StatusPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/status").setViewName("forward:/status.html");
  }
}
