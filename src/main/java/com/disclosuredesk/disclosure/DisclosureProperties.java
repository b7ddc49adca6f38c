package com.disclosuredesk.disclosure;

import java.time.Duration;
import java.util.Objects;


import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code disclosure-desk.disclosure.*} (values in application.yaml; docs/operations.md, configuration):
 *
 * @param encryptionKey AES-256 key of the packages at rest, base64 of 32 bytes (environment
 *                      {@code DISCLOSURE_DESK_DISCLOSURE_ENCRYPTION_KEY}); checked by {@link PackageCipher}, which
 *                      names what is wrong
 * @param retention     how long a package stays available to the authority before it is deleted (the record and
 *                      digest stay)
 * <p>{@code disclosure-desk.disclosure.expiry-check}, how often expired packages are deleted, is read by
 * {@link DisclosureExpiryJob}'s schedule.
 */
@ConfigurationProperties("disclosure-desk.disclosure")
public record DisclosureProperties(String encryptionKey, Duration retention) {
    public DisclosureProperties {
        Objects.requireNonNull(retention, "disclosure-desk.disclosure.retention is not set");
    }
}
