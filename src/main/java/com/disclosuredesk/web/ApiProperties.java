package com.disclosuredesk.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the API, {@code disclosure-desk.api.*} (documented in {@code application.yaml}).
 *
 * @param maxBodyBytes the largest request body on {@code /api/**}, in bytes; a longer one answers {@code 413}
 */
@ConfigurationProperties("disclosure-desk.api")
public record ApiProperties(@DefaultValue("1048576") long maxBodyBytes) {

    public ApiProperties {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("disclosure-desk.api.max-body-bytes must not be negative");
        }
    }
}
