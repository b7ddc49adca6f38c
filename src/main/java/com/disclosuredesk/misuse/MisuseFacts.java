package com.disclosuredesk.misuse;

import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.disclosuredesk.misuse.MisusePolicy.Counts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts, from the recorded decisions, what Art. 23 weighs (plain SQL over the tables of intake, review and
 * complaints; docs/moderation.md, "Misuse (Art. 23)"):
 * <ul>
 *   <li>a notifier's notices decided in the window, and of them the <b>manifestly unfounded</b>: the decision in force
 *       on the notice's case is NO_ACTION and no decision on the case ever took action (REMOVE or RESTRICT). Notices of
 *       trusted flaggers (Art. 22(6) applies to them instead) and anonymous notices are not counted;</li>
 *   <li>the decided cases about an account's content, and of them the <b>manifestly illegal</b>: the decision in force
 *       is REMOVE or RESTRICT on the ground ILLEGAL_CONTENT (a reversed decision no longer counts);</li>
 *   <li>a complainant's answered complaints, and of them the <b>manifestly unfounded</b>: the decision complained
 *       about was upheld.</li>
 * </ul>
 * Only the party's acts after {@code actedAfter} count (a notice or complaint submitted, a case opened about the
 * content), decided from {@code windowStart} on.
 */
@Repository
public class MisuseFacts {

    static final int LISTED_CASES = 8;

    private static final String NOTICE_UNFOUNDED = """
            CASE WHEN d.decision = 'NO_ACTION' AND NOT EXISTS (SELECT 1 FROM cr_decision a
                WHERE a.case_number = n.case_number AND a.decision IN ('REMOVE', 'RESTRICT')) THEN 1 ELSE 0 END""";
    private static final String NOTICES = """
            FROM cr_notice n JOIN cr_case c ON c.case_number = n.case_number JOIN cr_decision d ON d.id = c.decision_id
            WHERE n.notifier_ref IS NOT NULL AND n.source_type <> 'SOURCE_TRUSTED_FLAGGER' AND n.received_at > ?
              AND (d.decided_at >= ? OR n.received_at >= ?)""";
    private static final String ACCOUNT_ILLEGAL = """
            CASE WHEN d.decision IN ('REMOVE', 'RESTRICT') AND d.ground = 'ILLEGAL_CONTENT' THEN 1 ELSE 0 END""";
    private static final String ACCOUNT_CASES = """
            FROM cr_case c JOIN cr_decision d ON d.id = c.decision_id
            WHERE c.owner_account_id = ? AND c.created_at > ? AND d.decided_at >= ?""";
    private static final String COMPLAINT_UNFOUNDED = "CASE WHEN k.status = 'UPHELD' THEN 1 ELSE 0 END";
    private static final String NOTIFIER_COMPLAINTS = """
            FROM cr_complaint k JOIN cr_notice n ON n.id = k.notice_id
            WHERE k.complainant = 'NOTIFIER' AND n.gateway = ? AND n.notifier_ref = ? AND k.status IN ('UPHELD', 'REVERSED')
              AND k.received_at > ? AND k.decided_at >= ?""";
    private static final String UPLOADER_COMPLAINTS = """
            FROM cr_complaint k JOIN cr_case c ON c.case_number = k.case_number
            WHERE k.complainant = 'UPLOADER' AND c.owner_account_id = ? AND k.status IN ('UPHELD', 'REVERSED')
              AND k.received_at > ? AND k.decided_at >= ?""";

    /** What was counted: the counts, and the latest cases of the manifest items (for the basis). */
    public record Tally(Counts counts, List<String> manifestCases) {}

    private final JdbcClient jdbc;

    public MisuseFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Tally tally(MisuseParty party, Instant actedAfter, Instant windowStart) {
        String from;
        String manifest;
        String caseColumn;
        String timeColumn;
        List<Object> params = new ArrayList<>();
        switch (party.kind()) {
            case NOTIFIER -> {
                from = NOTICES + " AND n.gateway = ? AND n.notifier_ref = ?";
                manifest = NOTICE_UNFOUNDED;
                caseColumn = "n.case_number";
                timeColumn = "d.decided_at";
                params.addAll(List.of(utc(actedAfter), utc(windowStart), utc(windowStart), party.gateway(), party.notifierRef()));
            }
            case ACCOUNT -> {
                from = ACCOUNT_CASES;
                manifest = ACCOUNT_ILLEGAL;
                caseColumn = "c.case_number";
                timeColumn = "d.decided_at";
                params.addAll(List.of(party.accountId(), utc(actedAfter), utc(windowStart)));
            }
            case COMPLAINANT -> {
                manifest = COMPLAINT_UNFOUNDED;
                caseColumn = "k.case_number";
                timeColumn = "k.decided_at";
                if (party.isNotifier()) {
                    from = NOTIFIER_COMPLAINTS;
                    params.addAll(List.of(party.gateway(), party.notifierRef(), utc(actedAfter), utc(windowStart)));
                } else {
                    from = UPLOADER_COMPLAINTS;
                    params.addAll(List.of(party.accountId(), utc(actedAfter), utc(windowStart)));
                }
            }
            default -> throw new IllegalArgumentException(party.kind().name());
        }
        Counts counts = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(" + manifest + "), 0) " + from).params(params)
                .query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2))).single();
        List<String> cases = counts.manifest() == 0 ? List.of() : jdbc.sql("SELECT " + caseColumn + " " + from + " AND ("
                        + manifest + ") = 1 ORDER BY " + timeColumn + " DESC, " + caseColumn + " DESC LIMIT " + LISTED_CASES)
                .params(params).query(String.class).list();
        return new Tally(counts, cases);
    }

    /**
     * The notifiers of a case's notices who may have crossed: at least {@code minimumManifest} manifestly unfounded
     * notices decided in the window (one grouped query, so that a viral case with thousands of notifiers costs one
     * query, and only these are checked one by one).
     */
    public List<MisuseParty> notifiersToCheck(String caseNumber, Instant windowStart, int minimumManifest) {
        return jdbc.sql("SELECT n.gateway, n.notifier_ref " + NOTICES + """
                 AND EXISTS (SELECT 1 FROM cr_notice m WHERE m.case_number = ? AND m.gateway = n.gateway
                    AND m.notifier_ref = n.notifier_ref)
                GROUP BY n.gateway, n.notifier_ref HAVING SUM(""" + NOTICE_UNFOUNDED + ") >= ? ORDER BY n.gateway, n.notifier_ref")
                .params(utc(windowStart), utc(windowStart), utc(windowStart), caseNumber, minimumManifest)
                .query((rs, i) -> MisuseParty.notifier(rs.getString(1), rs.getString(2))).list();
    }

    /** The decision in force on a case: its decision and ground, if decided. */
    public record DecisionInForce(String decision, String ground, Long ownerAccountId) {}

    public java.util.Optional<DecisionInForce> decisionInForce(String caseNumber) {
        return jdbc.sql("""
                SELECT d.decision, d.ground, c.owner_account_id FROM cr_case c JOIN cr_decision d ON d.id = c.decision_id
                WHERE c.case_number = ?
                """).param(caseNumber).query((rs, i) -> {
                    long owner = rs.getLong(3);
                    return new DecisionInForce(rs.getString(1), rs.getString(2), rs.wasNull() ? null : owner);
                }).optional();
    }

    /** A complaint's facts: who complained (the notice's notifier, or the uploader), its status and case. */
    public record ComplaintFacts(String caseNumber, String status, MisuseParty complainant) {}

    public java.util.Optional<ComplaintFacts> complaint(long complaintId) {
        return jdbc.sql("""
                SELECT k.case_number, k.status, k.complainant, n.gateway, n.notifier_ref, c.owner_account_id
                FROM cr_complaint k JOIN cr_case c ON c.case_number = k.case_number LEFT JOIN cr_notice n ON n.id = k.notice_id
                WHERE k.id = ?
                """).param(complaintId).query((rs, i) -> {
                    long owner = rs.getLong(6);
                    Long ownerId = rs.wasNull() ? null : owner;
                    MisuseParty party = "NOTIFIER".equals(rs.getString(3))
                            ? (rs.getString(5) == null ? null : MisuseParty.complainingNotifier(rs.getString(4), rs.getString(5)))
                            : (ownerId == null ? null : MisuseParty.complainingUploader(ownerId));
                    return new ComplaintFacts(rs.getString(1), rs.getString(2), party);
                }).optional();
    }
}
