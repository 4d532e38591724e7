package io.rootfix.security;

import static io.rootfix.security.Groups.ADMINS;
import static io.rootfix.security.Groups.PROCESS_OWNERS;
import static io.rootfix.security.Groups.SERVICE_AGENTS;
import static io.rootfix.security.Groups.TEAM_LEADS;
import static org.springframework.security.config.Customizer.withDefaults;

import io.rootfix.web.ProblemResponses;
import io.rootfix.web.RequestSizeLimitFilter;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who gets in where. The REST APIs use HTTP Basic against the Camunda identity and keep no session;
 * the Camunda webapps (Tasklist, Cockpit, Admin) log users in themselves and keep their own CSRF
 * protection. Fine-grained rights live in Camunda's authorisations (see CamundaAuthorizations).
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

  /** The engine's REST API: any authenticated user; the engine checks their authorisations. */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService) throws Exception {
    // The engine REST API is a Jersey servlet, not Spring MVC: match the plain request path.
    return stateless(http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .addFilterAfter(new CamundaAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  /**
   * Rootfix's API: the intake is public, the rest by group. The public endpoints are rate-limited per
   * client address; every body is size-limited before anything parses it.
   */
  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, ProblemResponses problems) throws Exception {
    if (settings.rateLimit().enabled()) {
      http.addFilterAfter(new RateLimitFilter(settings.rateLimit(), problems, Clock.systemUTC()), HeaderWriterFilter.class);
    }
    return stateless(http.securityMatcher("/api/**"))
        .addFilterBefore(new RequestSizeLimitFilter(settings.maxBodySize(), problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/complaints").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/complaints/*/confirmation")
                .hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, ADMINS)
            .requestMatchers(HttpMethod.GET, "/api/complaints/**")
                .hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, PROCESS_OWNERS, ADMINS)
            .anyRequest().hasAuthority(ADMINS))
        .build();
  }

  /** The webapps and static resources: they authenticate against the same identity themselves. */
  @Bean
  @Order(3)
  SecurityFilterChain webapps(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // The webapps send their own X-XSRF-TOKEN, checked by Camunda's CSRF filter.
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  private static HttpSecurity stateless(HttpSecurity http) throws Exception {
    return http
        .httpBasic(withDefaults())
        // No cookies, no session: a Basic-auth request cannot be forged cross-site.
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
  }
}
