package com.disclosuredesk.web;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The body limit of the API, {@code disclosure-desk.api.max-body-bytes} ({@link ApiProperties}, 1 MiB unless configured). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class RequestBodyLimitConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimit(ApiProperties api, ObjectMapper json) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestBodyLimitFilter(api.maxBodyBytes(), json));
        registration.setName("api-request-body-limit");
        registration.addUrlPatterns("/api/*");
        // before Spring Security: an oversized body is refused before anything else looks at the request
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
