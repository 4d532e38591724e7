package io.rootfix.security;

import static io.rootfix.security.Groups.ADMINS;
import static io.rootfix.security.Groups.AUDITORS;
import static io.rootfix.security.Groups.PROCESS_OWNERS;
import static io.rootfix.security.Groups.SERVICE_AGENTS;
import static io.rootfix.security.Groups.TEAM_LEADS;

import io.rootfix.web.ProblemResponses;
import io.rootfix.web.RequestSizeLimitFilter;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.util.unit.DataSize;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.CorsFilter;

/**
 * Who gets in where. The REST APIs use HTTP Basic against the Camunda identity and keep no session;
 * the Camunda webapps (Tasklist, Cockpit, Admin) log users in themselves and keep their own CSRF
 * protection. Fine-grained rights live in Camunda's authorisations (see CamundaAuthorizations).
 */
@Configuration
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

  private static final RequestMatcher PUBLIC_INTAKE =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/complaints");
  private static final RequestMatcher TAKES_FILES = new OrRequestMatcher(PUBLIC_INTAKE,
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/complaints/*/attachments"));
  private static final RequestMatcher PUBLIC_STATUS =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/api/status/*");
  /** Sends the customer their own personal link, to the contact on file (docs/customer-links.md). */
  private static final RequestMatcher PUBLIC_STATUS_LINK =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/status/*/link");

  /** Which proxies may name the client address (rootfix.security.trusted-proxies). */
  @Bean
  TrustedProxies trustedProxies(SecuritySettings settings) {
    return new TrustedProxies(settings.trustedProxies());
  }

  /** The engine's REST API: any authenticated user; the engine checks their authorisations. */
  @Bean
  @Order(1)
  SecurityFilterChain engineRest(HttpSecurity http, IdentityService identityService, ProblemResponses problems)
      throws Exception {
    // The engine REST API is a Jersey servlet, not Spring MVC: match the plain request path.
    return stateless(http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")), problems)
        .addFilterBefore(new CrossSiteRequestFilter(request -> false, List.of(), problems),
            BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .addFilterAfter(new CamundaAuthenticationFilter(identityService), AuthorizationFilter.class)
        .build();
  }

  /**
   * Rootfix's API: the intake and the customer's status are public, the rest by group. The public endpoints
   * are rate-limited per client address; every body is size-limited before anything parses it.
   */
  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, SecuritySettings settings, MultipartConfigElement multipart,
      ProblemResponses problems) throws Exception {
    if (settings.rateLimit().enabled()) {
      http.addFilterAfter(new RateLimitFilter(settings.rateLimit(), problems, Clock.systemUTC()), HeaderWriterFilter.class);
    }
    RequestMatcher publicEndpoints = new OrRequestMatcher(PUBLIC_INTAKE, PUBLIC_STATUS, PUBLIC_STATUS_LINK);
    return stateless(http.securityMatcher("/api/**"), problems)
        // Other sites the company runs may call the public endpoints from their pages; nobody else's page.
        .cors(cors -> cors.configurationSource(publicCors(publicEndpoints, settings.cors().allowedOrigins())))
        // Before CORS, so that another site's changing request gets a problem body saying why.
        .addFilterBefore(new CrossSiteRequestFilter(publicEndpoints, settings.cors().allowedOrigins(), problems),
            CorsFilter.class)
        .addFilterBefore(new RequestSizeLimitFilter(settings.maxBodySize(), DataSize.ofBytes(multipart.getMaxRequestSize()) /* the attachments' limit, without depending on them */,
            TAKES_FILES::matches, problems), BasicAuthenticationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(PUBLIC_INTAKE, PUBLIC_STATUS, PUBLIC_STATUS_LINK).permitAll()
            // Merging ends a complaint: the people who work complaints decide it, nobody else.
            .requestMatchers(HttpMethod.POST, "/api/complaints/*/merge").hasAuthority(SERVICE_AGENTS)
            .requestMatchers(HttpMethod.POST, "/api/complaints/*/confirmation", "/api/complaints/*/information")
                .hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, ADMINS)
            .requestMatchers(HttpMethod.POST, "/api/complaints/*/attachments").hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS)
            .requestMatchers(HttpMethod.GET, "/api/audit/**").hasAnyAuthority(AUDITORS, ADMINS)
            // What was refunded or replaced: the people who work complaints, and auditors.
            .requestMatchers(HttpMethod.GET, "/api/complaints/*/remedies")
                .hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, AUDITORS, ADMINS)
            .requestMatchers(HttpMethod.POST, "/api/promises/*/renegotiation")
                .hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, ADMINS)
            .requestMatchers(HttpMethod.POST, "/api/promises/*/kept").hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS)
            .requestMatchers(HttpMethod.GET, "/api/messages").hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, ADMINS)
            .requestMatchers(HttpMethod.POST, "/api/messages/*/sent").hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, ADMINS)
            // How decisions were explained and whether answers were right the first time: for who steers the
            // service (team leads, process owners) and who checks it (auditors).
            .requestMatchers(HttpMethod.GET, "/api/insights/reasons", "/api/insights/first-time-right")
                .hasAnyAuthority(TEAM_LEADS, PROCESS_OWNERS, AUDITORS, ADMINS)
            .requestMatchers(HttpMethod.GET, "/api/complaints/**", "/api/promises/**", "/api/root-causes/**",
                "/api/insights/**")
                .hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, PROCESS_OWNERS, ADMINS)
            .anyRequest().hasAuthority(ADMINS))
        .build();
  }

  /**
   * The auditors' page: HTTP Basic like the API (the browser asks for the login), auditors and admins only.
   * It is rendered on the server and runs no script; its only resource is its style sheet.
   */
  @Bean
  @Order(3)
  SecurityFilterChain auditPageSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
    return refusalPages(stateless(http.securityMatcher("/audit", "/audit/**"), problems), problems,
            "The audit pages are for auditors (and admins).")
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/audit", "/audit/**").hasAnyAuthority(AUDITORS, ADMINS)
            .anyRequest().denyAll())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")))
        .build();
  }

  /**
   * A customer's file, downloaded by staff from a complaint's form: signed in to Tasklist (its session) or with
   * HTTP Basic, in a group that works on or checks complaints. GET only; AttachmentDownload serves it as a download.
   */
  @Bean
  @Order(0)
  SecurityFilterChain attachmentDownloads(HttpSecurity http, IdentityService identityService, ProblemResponses problems)
      throws Exception {
    return withTasklistSession(stateless(http.securityMatcher("/attachments/**"), problems), identityService)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/attachments/*").hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, AUDITORS, ADMINS)
            .anyRequest().denyAll())
        .build();
  }

  /**
   * Read by Tasklist's custom script (webjars/.../tasklist/scripts/rootfix.js) with the Tasklist session, or with
   * HTTP Basic: the complaint an agent just started, and the date and zone convention. GET only.
   */
  @Bean
  @Order(0)
  SecurityFilterChain tasklistReads(HttpSecurity http, IdentityService identityService, ProblemResponses problems)
      throws Exception {
    return withTasklistSession(stateless(http.securityMatcher("/api/complaints/started/**", "/api/locale"), problems),
            identityService)
        .authorizeHttpRequests(requests -> requests
            // The convention is no secret: the public pages show dates the same way.
            .requestMatchers(HttpMethod.GET, "/api/locale").permitAll()
            .requestMatchers(HttpMethod.GET, "/api/complaints/started/*").hasAnyAuthority(SERVICE_AGENTS, TEAM_LEADS, ADMINS)
            .anyRequest().denyAll())
        .build();
  }

  /**
   * The customer's status page: public, and nothing on it may come from elsewhere or run inline, so a
   * complaint's text can never become script there.
   */
  @Bean
  @Order(4)
  SecurityFilterChain customerStatusPage(HttpSecurity http) throws Exception {
    return http.securityMatcher("/status", "/status.html", "/status.js", "/status.css", "/favicon.ico")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }

  /**
   * The customer's personal links (/reply/…): public, the link itself is the credential (signed, expiring, one
   * complaint and customer). No session, no script, forms post only to this site; no CSRF token, as another site
   * cannot know the link. The Referer never carries the link to another site. One address cannot flood its posts
   * (the rate limit, "POST /reply/*" in its endpoints).
   */
  @Bean
  @Order(4)
  SecurityFilterChain customerReplyPage(HttpSecurity http, SecuritySettings settings, ProblemResponses problems)
      throws Exception {
    if (settings.rateLimit().enabled()) {
      http.addFilterAfter(new RateLimitFilter(settings.rateLimit(), problems, Clock.systemUTC()), HeaderWriterFilter.class);
    }
    return http.securityMatcher("/reply/**", "/reply.css")
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
        .build();
  }

  /**
   * The public complaint page: a plain form, like the status page nothing on it comes from elsewhere or runs
   * inline. Its POST meets the same guards as the intake API: another site's page cannot submit it
   * (CrossSiteRequestFilter), one address cannot flood it (the rate limit, "POST /complain" in its endpoints), and
   * its body is size-limited before anything parses it.
   */
  @Bean
  @Order(4)
  SecurityFilterChain complaintPage(HttpSecurity http, SecuritySettings settings, MultipartConfigElement multipart,
      ProblemResponses problems) throws Exception {
    if (settings.rateLimit().enabled()) {
      http.addFilterAfter(new RateLimitFilter(settings.rateLimit(), problems, Clock.systemUTC()), HeaderWriterFilter.class);
    }
    return http.securityMatcher("/complain", "/complain/**", "/complain.css")
        .addFilterBefore(new CrossSiteRequestFilter(request -> false, List.of(), problems), AuthorizationFilter.class)
        .addFilterBefore(new RequestSizeLimitFilter(settings.maxBodySize(), DataSize.ofBytes(multipart.getMaxRequestSize()),
            request -> true, problems), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET).permitAll()
            .requestMatchers(HttpMethod.POST, "/complain").permitAll()
            .anyRequest().denyAll())
        // The CrossSiteRequestFilter above refuses another site's submission; there is no session to protect.
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(
                "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"))
            // Not no-referrer: with it a browser sends "Origin: null" with the form, and the CrossSiteRequestFilter
            // rightly refuses that. Same-origin still tells other sites nothing.
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
        .build();
  }

  /**
   * Operations: whether Rootfix is up is public (UP or DOWN only; the details need an admin, see
   * management.endpoint.health in application.yaml), so a load balancer or orchestrator can ask without a
   * password; metrics and the Prometheus endpoint are for admins.
   */
  @Bean
  @Order(0)
  SecurityFilterChain operationsSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
    return stateless(http.securityMatcher("/actuator/**"), problems)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
            .anyRequest().hasAuthority(ADMINS))
        .build();
  }

  /**
   * The OpenAPI document of Rootfix's /api and Swagger UI: for anyone signed in (HTTP Basic), since it tells how
   * the API is built, not who may use it; each call made from Swagger UI still meets the /api rules above.
   * Swagger UI runs its own script and styles from this server, nothing inline but its styles.
   */
  @Bean
  @Order(0)
  SecurityFilterChain apiSpecificationSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
    return stateless(http.securityMatcher("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**",
        "/swagger-ui.html", "/swagger-ui/**"),
        problems)
        .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET).authenticated().anyRequest().denyAll())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; base-uri 'none'; "
                + "form-action 'none'; frame-ancestors 'none'")))
        .build();
  }

  /**
   * The insights page: HTTP Basic like the API, for who steers the service (team leads, process owners) and
   * admins. Its script and Chart.js come from this server; nothing inline runs, nothing loads from elsewhere.
   */
  @Bean
  @Order(0)
  SecurityFilterChain insightsPageSecurity(HttpSecurity http, ProblemResponses problems) throws Exception {
    return stateless(http.securityMatcher("/insights", "/insights.html", "/insights.js", "/insights.css"), problems)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.GET).hasAnyAuthority(TEAM_LEADS, PROCESS_OWNERS, ADMINS)
            .anyRequest().denyAll())
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
            "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")))
        .build();
  }

  /** The webapps and static resources: they authenticate against the same identity themselves. */
  @Bean
  @Order(5)
  SecurityFilterChain webapps(HttpSecurity http, LoginThrottle throttle, ProblemResponses problems) throws Exception {
    return http
        .addFilterBefore(new WebappLoginThrottleFilter(throttle, problems), HeaderWriterFilter.class)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // The webapps send their own X-XSRF-TOKEN, checked by Camunda's CSRF filter.
        .csrf(AbstractHttpConfigurer::disable)
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  /**
   * CORS for the public endpoints only, from the allowed origins only, without credentials: a signed-in
   * endpoint never answers another site's script.
   */
  private static CorsConfigurationSource publicCors(RequestMatcher publicEndpoints, List<String> allowedOrigins) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(allowedOrigins);
    cors.setAllowedMethods(List.of("GET", "POST"));
    cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE));
    cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofHours(1));
    return request -> allowedOrigins.isEmpty() || !publicEndpoints.matches(preflighted(request)) ? null : cors;
  }

  /** A preflight asks about the method it names, not about OPTIONS. */
  private static HttpServletRequest preflighted(HttpServletRequest request) {
    String method = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
    if (!CorsUtils.isPreFlightRequest(request) || method == null) {
      return request;
    }
    return new HttpServletRequestWrapper(request) {
      @Override
      public String getMethod() {
        return method;
      }
    };
  }

  /**
   * The REST APIs: HTTP Basic without session or cookies. A browser still sends a Basic login it once
   * entered with every request to this host, so the CrossSiteRequestFilter refuses changes other sites'
   * pages send. Errors are problem JSON; the responses are data, never pages.
   */
  /**
   * Also signed in with the Tasklist session. Its id stays as it is: Spring's session-fixation protection would give
   * the session a new id on every such request (the user is "new" to a stateless chain), and Tasklist's requests
   * running at the same moment with the old id would get 401 and log the agent out.
   */
  private static HttpSecurity withTasklistSession(HttpSecurity http, IdentityService identityService) throws Exception {
    return http
        .sessionManagement(session -> session.sessionFixation(fixation -> fixation.none()))
        .addFilterBefore(new WebappSessionAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
  }

  private static HttpSecurity stateless(HttpSecurity http, ProblemResponses problems) throws Exception {
    AuthenticationEntryPoint logInFirst = logInFirst(problems);
    AccessDeniedHandler notYourGroup = notYourGroup(problems);
    return http
        .httpBasic(basic -> basic.authenticationEntryPoint(logInFirst))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(logInFirst).accessDeniedHandler(notYourGroup))
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Besides Spring Security's defaults (nosniff, frame DENY, no caching): nothing in a response
        // may run, load or be framed, should a browser ever render one, and no URL leaks onward.
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
  }

  /**
   * A page people open in a browser: a refusal is a page saying who may see it (still 401 or 403, and a 401 still
   * asks for the login), not problem JSON; a client asking for JSON gets the problem JSON as before.
   */
  private static HttpSecurity refusalPages(HttpSecurity http, ProblemResponses problems, String whoMay)
      throws Exception {
    AuthenticationEntryPoint logInFirst = logInFirst(problems);
    AccessDeniedHandler notYourGroup = notYourGroup(problems);
    AuthenticationEntryPoint page = (request, response, exception) -> {
      if (exception instanceof LoginThrottledException || !RefusalPage.wanted(request)) {
        logInFirst.commence(request, response, exception);
        return;
      }
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Rootfix\"");
      RefusalPage.send(response, HttpStatus.UNAUTHORIZED, "Please sign in",
          whoMay + " Sign in with your Rootfix user name and password.");
    };
    AccessDeniedHandler refused = (request, response, exception) -> {
      if (!RefusalPage.wanted(request)) {
        notYourGroup.handle(request, response, exception);
        return;
      }
      String user = request.getUserPrincipal() == null ? "this user" : request.getUserPrincipal().getName();
      RefusalPage.send(response, HttpStatus.FORBIDDEN, "Not for you",
          whoMay + " You are signed in as " + user + ", who is not one of them. Close the browser (or open a "
              + "private window) to sign in as someone else.");
    };
    return http
        .httpBasic(basic -> basic.authenticationEntryPoint(page))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(page).accessDeniedHandler(refused));
  }

  private static AuthenticationEntryPoint logInFirst(ProblemResponses problems) {
    return (request, response, exception) -> {
      if (exception instanceof LoginThrottledException throttled) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
        problems.send(request, response, HttpStatus.TOO_MANY_REQUESTS, throttled.detail());
        return;
      }
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Rootfix\"");
      problems.send(request, response, HttpStatus.UNAUTHORIZED,
          "Log in with your Rootfix user name and password (HTTP Basic).");
    };
  }

  private static AccessDeniedHandler notYourGroup(ProblemResponses problems) {
    return (request, response, exception) ->
        problems.send(request, response, HttpStatus.FORBIDDEN, "Your groups do not allow this.");
  }
}
