package com.disclosuredesk.referral;

import static com.disclosuredesk.common.SqlTimes.instant;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the referrals of content cases to authorities (Art. 18 DSA, table {@code cr_referral}, written by the
 * content-report process's referral step): the list legal staff page through, and the cases related to a legal
 * order because the order names an account that a referral named ({@code dd_order_target.target_key} =
 * {@code cr_referral.account_key}, both {@code USERNAME:<name>}).
 */
@Repository
public class Referrals {

    /** At most this many related cases are listed for one order (the newest). */
    public static final int RELATED_LISTED = 20;

    private final JdbcClient jdbc;

    public Referrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Referrals newest first: those older than {@code after} (its id; null: from the newest), at most {@code limit}. */
    public List<Referral> page(Long after, int limit) {
        return jdbc.sql("""
                SELECT id, case_number, country, authority, account_key, created_at
                FROM cr_referral
                WHERE id < :after
                ORDER BY id DESC
                FETCH FIRST :limit ROWS ONLY
                """)
                .param("after", after == null ? Long.MAX_VALUE : after)
                .param("limit", limit)
                .query((rs, i) -> new Referral(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), instant(rs, 6)))
                .list();
    }

    /**
     * The content cases referred to an authority about an account that the legal order names, newest first (at most
     * {@link #RELATED_LISTED}, one entry per case with its latest referral): one query, the order's targets by their
     * primary key (tracking number) joined to {@code cr_referral} through its index {@code cr_referral_account}.
     */
    public List<RelatedCase> relatedToOrder(String trackingNumber) {
        return jdbc.sql("""
                SELECT r.case_number, MAX(r.country) AS country, MAX(r.created_at) AS referred_at
                FROM dd_order_target t
                JOIN cr_referral r ON r.account_key = t.target_key
                WHERE t.tracking_number = :trackingNumber
                GROUP BY r.case_number
                ORDER BY MAX(r.id) DESC
                FETCH FIRST :listed ROWS ONLY
                """)
                .param("trackingNumber", trackingNumber)
                .param("listed", RELATED_LISTED)
                .query((rs, i) -> new RelatedCase(rs.getString(1), rs.getString(2), instant(rs, 3)))
                .list();
    }
}
