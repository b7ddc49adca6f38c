package com.disclosuredesk.security;

import static com.disclosuredesk.process.LegalOrderProcess.GROUP_ADMIN;
import static com.disclosuredesk.process.LegalOrderProcess.GROUP_ANALYSTS;
import static com.disclosuredesk.process.LegalOrderProcess.GROUP_APPROVERS;
import static com.disclosuredesk.process.LegalOrderProcess.GROUP_INTAKE;
import static com.disclosuredesk.process.LegalOrderProcess.GROUP_MONITORING;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_MODERATION_LEADS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_MODERATORS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_REPORT_GATEWAYS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_TRANSPARENCY_EXPORTERS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_TRUSTED_FLAGGERS;

import java.io.IOException;
import java.time.Instant;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in everywhere. The application's API ({@code /api/**}) uses HTTP basic against the engine's users,
 * with access by group; the engine REST API uses the engine's own basic-auth filter, so that its
 * authorizations apply; the Camunda web apps use their own sign-in.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /**
     * Operations ({@code /actuator/**}): the probes answer anyone with their status only (load balancers and
     * orchestrators do not sign in); health details, the health of single components and metrics are for
     * administrators and monitoring systems (group {@code monitoring}: no engine rights at all), with HTTP basic.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        http.securityMatcher("/actuator/**")
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness",
                                "/actuator/health/readiness").permitAll()
                        .anyRequest().hasAnyAuthority(Caller.authority(GROUP_ADMIN), Caller.authority(GROUP_MONITORING)));
        return statelessBasic(http).build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider) throws Exception {
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(provider))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/api/transparency/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/orders", "/api/orders/*/clarification",
                                "/api/orders/*/withdrawal", "/api/orders/*/preservation-extension",
                                "/api/orders/*/non-disclosure-extension").hasAuthority(Caller.authority(GROUP_INTAKE))
                        .requestMatchers("/api/messages").hasAuthority(Caller.authority(GROUP_INTAKE))
                        .requestMatchers("/api/intake-accounts/**").hasAuthority(Caller.authority(GROUP_ADMIN))
                        .requestMatchers("/api/authorities", "/api/authorities/**").hasAnyAuthority(
                                Caller.authority(GROUP_ANALYSTS), Caller.authority(GROUP_APPROVERS), Caller.authority(GROUP_ADMIN))
                        .requestMatchers("/api/user-notifications", "/api/user-notifications/**")
                                .hasAuthority(Caller.authority(GROUP_ADMIN))
                        // part two: notices and complaints come from gateways and trusted flaggers, who deliver the
                        // messages; referrals (Art. 18) are for legal staff and moderation leads
                        .requestMatchers(HttpMethod.POST, "/api/content-reports", "/api/content-reports/*/complaints")
                                .hasAnyAuthority(Caller.authority(GROUP_REPORT_GATEWAYS), Caller.authority(GROUP_TRUSTED_FLAGGERS))
                        .requestMatchers(HttpMethod.GET, "/api/content-reports/messages").hasAnyAuthority(
                                Caller.authority(GROUP_REPORT_GATEWAYS), Caller.authority(GROUP_TRUSTED_FLAGGERS))
                        .requestMatchers(HttpMethod.GET, "/api/content-reports/statements").hasAnyAuthority(
                                Caller.authority(GROUP_ADMIN), Caller.authority(GROUP_TRANSPARENCY_EXPORTERS))
                        .requestMatchers(HttpMethod.GET, "/api/content-reports/referrals").hasAnyAuthority(
                                Caller.authority(GROUP_ANALYSTS), Caller.authority(GROUP_APPROVERS),
                                Caller.authority(GROUP_MODERATION_LEADS), Caller.authority(GROUP_ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/content-reports/*").hasAnyAuthority(
                                Caller.authority(GROUP_REPORT_GATEWAYS), Caller.authority(GROUP_TRUSTED_FLAGGERS),
                                Caller.authority(GROUP_MODERATORS), Caller.authority(GROUP_MODERATION_LEADS),
                                Caller.authority(GROUP_ADMIN))
                        .requestMatchers("/api/orders/**").hasAnyAuthority(
                                Caller.authority(GROUP_INTAKE), Caller.authority(GROUP_ANALYSTS),
                                Caller.authority(GROUP_APPROVERS), Caller.authority(GROUP_ADMIN))
                        .anyRequest().denyAll());
        return statelessBasic(http).build();
    }

    /** HTTP basic on every request, no session, no CSRF (no cookies), problem+json for 401 and 403. */
    private static HttpSecurity statelessBasic(HttpSecurity http) throws Exception {
        return http.httpBasic(basic -> basic.realmName("Disclosure Desk")
                        .authenticationEntryPoint((request, response, e) -> problem(response, HttpStatus.UNAUTHORIZED,
                                "Sign in with HTTP basic authentication.", true)))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> problem(response,
                        HttpStatus.FORBIDDEN, "Your role does not allow this request.", false)))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    }

    /**
     * Web apps and engine REST authenticate themselves (Camunda's filters); pages of the public are open, and so
     * are the API's OpenAPI document and Swagger UI (they describe the API; calling it needs sign-in).
     */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(cache -> cache.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    /**
     * Basic authentication on the engine REST API; the engine then applies the caller's authorizations. Sign-ins are
     * remembered for a short time ({@link CredentialCache}), as on {@code /api}.
     */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(CredentialCache credentials) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>();
        registration.setName("engine-rest-authentication");
        registration.setFilter(new ProcessEngineAuthenticationFilter() {
            @Override
            public void init(FilterConfig config) throws ServletException {
                super.init(config);
                // HTTP basic as Camunda's provider does it, with the sign-in remembered for a short time
                authenticationProvider = new CachedBasicAuthenticationProvider(credentials);
            }
        });
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail, boolean challenge) throws IOException {
        if (challenge) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Disclosure Desk\"");
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase() + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + detail + "\",\"timestamp\":\"" + Instant.now() + "\"}");
    }
}
