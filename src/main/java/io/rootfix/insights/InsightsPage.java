package io.rootfix.insights;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * {@code /insights}: the page for team leads, process owners and admins (static/insights.html), which draws the
 * figures of {@code GET /api/insights/*} with Chart.js. Who may see it: SecurityConfiguration.
 */
@Configuration
class InsightsPage implements WebMvcConfigurer {

  @Override
  public void addViewControllers(ViewControllerRegistry registry) {
    registry.addViewController("/insights").setViewName("forward:/insights.html");
  }
}
