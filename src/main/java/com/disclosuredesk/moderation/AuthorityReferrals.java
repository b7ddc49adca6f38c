package com.disclosuredesk.moderation;

import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import com.disclosuredesk.common.Sequences;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Art. 18 referrals ({@code cr_referral}): a decision that flags a threat to life or safety is referred to the
 * authority of the country concerned (the case's country), named from {@code disclosure-desk.moderation.referrals.authorities}
 * (ISO country code to name; otherwise "the police of &lt;country&gt;"; without a country Europol, as Art. 18(2) says), with the account that posted the content and
 * its key as legal orders name targets, so that a later legal order about the account finds the case. One referral per
 * decision: a retried step finds it.
 */
@Repository
@EnableConfigurationProperties(AuthorityReferrals.Settings.class)
public class AuthorityReferrals {

    /**
     * {@code disclosure-desk.moderation.referrals.*}
     *
     * @param authorities the authority to refer to, per ISO 3166-1 alpha-2 country code
     */
    @ConfigurationProperties("disclosure-desk.moderation.referrals")
    public record Settings(Map<String, String> authorities) {
        public Settings {
            authorities = authorities == null ? Map.of() : Map.copyOf(authorities);
        }
    }

    private final JdbcClient jdbc;
    private final Sequences sequences;
    private final ModerationInterface platform;
    private final Settings settings;
    private final Clock clock;

    public AuthorityReferrals(JdbcClient jdbc, Sequences sequences, ModerationInterface platform, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.platform = platform;
        this.settings = settings;
        this.clock = clock;
    }

    /** The authority a threat to life in {@code country} is referred to. */
    public String authorityFor(String country) {
        if (country == null || country.isBlank()) {
            return "Europol (the Member State concerned is not known)";
        }
        return settings.authorities().getOrDefault(country, "the police of " + country);
    }

    /** Refers the decision's case; returns the referral's id (the existing one on a retry). */
    public long refer(ModerationCase c, long decisionId) {
        Optional<Long> existing = jdbc.sql("SELECT id FROM cr_referral WHERE decision_id = ?").param(decisionId)
                .query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        String accountKey = c.ownerAccountId() == null ? null : platform.accountKey(c.ownerAccountId()).orElse(null);
        long id = sequences.next("cr_referral_seq");
        jdbc.sql("""
                INSERT INTO cr_referral (id, case_number, decision_id, country, authority, owner_account_id, account_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, c.caseNumber(), decisionId, c.country(), authorityFor(c.country()), c.ownerAccountId(), accountKey,
                        utc(clock.instant()))
                .update();
        return id;
    }
}
