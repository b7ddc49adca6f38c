package com.disclosuredesk.dsa;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code disclosure-desk.dsa.sender.*}: the sender of statements of reasons to the DSA Transparency Database (issue
 * 17). Off by default; no default URL or token. When enabled without a base URL or token it refuses to start.
 * The token is never logged: {@link #toString()} hides it.
 *
 * @param enabled     whether {@link StatementSender} runs at all
 * @param baseUrl     the Database's base URL (e.g. its sandbox), without a trailing slash
 * @param token       the API token (Authorization: Bearer), from the environment
 * @param batchSize   statements per POST, at most 100 (the API's limit)
 * @param timeout     the HTTP request timeout
 * @param fixedDelay  the pause between two rounds of the scheduled loop (read by its {@code @Scheduled})
 * @param firstRetry  the first back-off after a failure without a clear answer; doubled per attempt
 * @param maxRetry    the back-off cap
 */
@ConfigurationProperties("disclosure-desk.dsa.sender")
public record StatementSenderProperties(boolean enabled, String baseUrl, String token, Integer batchSize,
                                        Duration timeout, Duration fixedDelay, Duration firstRetry,
                                        Duration maxRetry) {
    public StatementSenderProperties {
        Objects.requireNonNull(batchSize, "disclosure-desk.dsa.sender.batch-size is not set");
        Objects.requireNonNull(timeout, "disclosure-desk.dsa.sender.timeout is not set");
        Objects.requireNonNull(fixedDelay, "disclosure-desk.dsa.sender.fixed-delay is not set");
        Objects.requireNonNull(firstRetry, "disclosure-desk.dsa.sender.first-retry is not set");
        Objects.requireNonNull(maxRetry, "disclosure-desk.dsa.sender.max-retry is not set");
        if (batchSize < 1 || batchSize > 100) {
            throw new IllegalArgumentException("disclosure-desk.dsa.sender.batch-size must be 1..100");
        }
        if (enabled && (baseUrl == null || baseUrl.isBlank())) {
            throw new IllegalStateException("disclosure-desk.dsa.sender.enabled is true but base-url is not set");
        }
        if (enabled && (token == null || token.isBlank())) {
            throw new IllegalStateException("disclosure-desk.dsa.sender.enabled is true but token is not set");
        }
    }

    /** Back-off after {@code attempts} failed attempts: firstRetry × 2^(attempts-1), at most maxRetry. */
    public Duration backoff(int attempts) {
        int shift = Math.max(0, Math.min(attempts - 1, 30));
        Duration d = firstRetry.multipliedBy(1L << shift);
        return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }

    @Override
    public String toString() {
        return "StatementSenderProperties[enabled=" + enabled + ", baseUrl=" + baseUrl + ", token=***, batchSize="
                + batchSize + ", timeout=" + timeout + ", fixedDelay=" + fixedDelay + ", firstRetry=" + firstRetry + ", maxRetry=" + maxRetry + "]";
    }
}
