package com.disclosuredesk.operations;

import java.io.IOException;

import com.disclosuredesk.web.ProblemType;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/**} answers {@code 503 Service Unavailable} with {@code Retry-After} until the application is ready.
 * <p>
 * The web server takes requests before Spring Boot has run the application runners (on the embedded default: the
 * demo subscriber data, the demo intake accounts' countries, the demo authorities): a request in that window would
 * be refused for the wrong reason ({@code 403}, unknown intake account) or fail. The application is ready when Spring
 * Boot's readiness state is {@code ACCEPTING_TRAFFIC}, which it sets after the runners, the same state that the
 * readiness probe ({@code /actuator/health/readiness}) reports. The filter runs before sign-in, so a client with
 * valid credentials never sees {@code 401}/{@code 403} for a start that is not done; it just retries.
 */
@Component
public class NotReadyFilter extends OncePerRequestFilter {

    /** Seconds a client should wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final ApplicationAvailability availability;

    public NotReadyFilter(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        FilterRegistrationBean<NotReadyFilter> notReadyFilterRegistration(NotReadyFilter filter) {
            FilterRegistrationBean<NotReadyFilter> registration = new FilterRegistrationBean<>(filter);
            registration.addUrlPatterns("/api/*");
            // before Spring Security (its filter chain has order -100)
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // written by hand: the filter runs before Spring MVC and needs no bean of it
        response.getWriter().write("""
                {"type":"%s","title":"%s","status":503,\
                "detail":"Disclosure Desk is starting (or stopping). Try again in %d seconds."}""".formatted(
                ProblemType.NOT_READY.uri(), ProblemType.NOT_READY.title(), RETRY_AFTER_SECONDS));
    }
}
