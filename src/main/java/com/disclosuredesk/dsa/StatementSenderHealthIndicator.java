package com.disclosuredesk.dsa;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code dsaSender}: whether the sender is enabled, how many statements are queued, and how
 * many the Database rejected ({@code rejected}: each one an incident for an administrator, see
 * {@link StatementSender}). Rejections are reported, they do not take the node out of service. Also binds
 * {@link StatementSenderProperties}, so an enabled sender without URL or token stops the start.
 */
@Component("dsaSenderHealthIndicator")
@EnableConfigurationProperties(StatementSenderProperties.class)
public class StatementSenderHealthIndicator extends AbstractHealthIndicator {

    private final StatementSenderProperties settings;
    private final JdbcTemplate jdbc;

    public StatementSenderHealthIndicator(StatementSenderProperties settings, JdbcTemplate jdbc) {
        super("DSA sender health check failed");
        this.settings = settings;
        this.jdbc = jdbc;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("enabled", settings.enabled())
                .withDetail("queued", count("QUEUED"))
                .withDetail("rejected", count("REJECTED"));
    }

    private long count(String state) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM cr_statement WHERE state = ?", Long.class, state);
        return n == null ? 0 : n;
    }
}
