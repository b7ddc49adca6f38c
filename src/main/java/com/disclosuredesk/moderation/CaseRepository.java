package com.disclosuredesk.moderation;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import com.disclosuredesk.common.Sequences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The cases of content-report ({@code cr_case}): one per process instance, the counts and clocks of triage. */
@Repository
public class CaseRepository {

    private static final String COLUMNS = """
            case_number, subject_key, subject_type, subject_reference, owner_account_id, category, specification, country,
            status, notice_count, trusted_notice_count, priority_class, priority, review_due, process_instance_id,
            created_at, decision_id, decided_at, closed_at""";

    private final JdbcClient jdbc;
    private final Sequences sequences;
    private final Clock clock;

    public CaseRepository(JdbcClient jdbc, Sequences sequences, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.clock = clock;
    }

    /** A new case number: {@code CR-<year>-<6 digits>} (UTC year; the sequence never repeats). */
    public String nextCaseNumber() {
        int year = clock.instant().atZone(ZoneOffset.UTC).getYear();
        return String.format("CR-%d-%06d", year, sequences.next("cr_case_seq") % 1_000_000);
    }

    /** Stores a new case with its first notice counted ({@code RECEIVED}). */
    public void insert(String caseNumber, String subjectKey, String subjectType, String subjectReference, String category,
                       String specification, String country, boolean trusted) {
        jdbc.sql("""
                INSERT INTO cr_case (case_number, subject_key, subject_type, subject_reference, category, specification,
                    country, status, notice_count, trusted_notice_count, created_at, version)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'RECEIVED', 1, ?, ?, 0)
                """)
                .params(caseNumber, subjectKey, subjectType, subjectReference, category, specification, country,
                        trusted ? 1 : 0, utc(clock.instant()))
                .update();
    }

    public Optional<ModerationCase> find(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_case WHERE case_number = ?").param(caseNumber)
                .query((rs, i) -> read(rs)).optional();
    }

    public ModerationCase get(String caseNumber) {
        return find(caseNumber).orElseThrow(() -> new IllegalStateException("No case " + caseNumber));
    }

    /**
     * Locks the case's row until the transaction ends ({@code SELECT ... FOR UPDATE}) and returns it. Whoever decides
     * about complaints (their intake and correlation, the check for a pending one after an answer, closing the case)
     * locks the case first, so that a complaint is never left pending while the case waits for none.
     */
    public Optional<ModerationCase> lock(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_case WHERE case_number = ? FOR UPDATE").param(caseNumber)
                .query((rs, i) -> read(rs)).optional();
    }

    public Optional<ModerationCase> byInstance(String processInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_case WHERE process_instance_id = ?").param(processInstanceId)
                .query((rs, i) -> read(rs)).optional();
    }

    public void bind(String caseNumber, String processInstanceId) {
        jdbc.sql("UPDATE cr_case SET process_instance_id = ?, version = version + 1 WHERE case_number = ?")
                .params(processInstanceId, caseNumber).update();
    }

    /** One more notice joined the case; returns the case as it is now. */
    public ModerationCase countNotice(String caseNumber, boolean trusted) {
        jdbc.sql("""
                UPDATE cr_case SET notice_count = notice_count + 1, trusted_notice_count = trusted_notice_count + ?,
                    version = version + 1 WHERE case_number = ?
                """).params(trusted ? 1 : 0, caseNumber).update();
        return get(caseNumber);
    }

    public void updateStatus(String caseNumber, CaseStatus status) {
        jdbc.sql("UPDATE cr_case SET status = ?, closed_at = ?, version = version + 1 WHERE case_number = ?")
                .params(status.name(), status == CaseStatus.CLOSED ? utc(clock.instant()) : null, caseNumber).update();
    }

    public void setOwner(String caseNumber, Long ownerAccountId) {
        jdbc.sql("UPDATE cr_case SET owner_account_id = ?, version = version + 1 WHERE case_number = ?")
                .params(ownerAccountId, caseNumber).update();
    }

    public void triaged(String caseNumber, String priorityClass, int priority, Instant reviewDue) {
        jdbc.sql("UPDATE cr_case SET priority_class = ?, priority = ?, review_due = ?, version = version + 1 WHERE case_number = ?")
                .params(priorityClass, priority, utc(reviewDue), caseNumber).update();
    }

    /** The decision in force and when it was sent (the complaint window and the 30 days run from then). */
    public void decided(String caseNumber, long decisionId, Instant decidedAt) {
        jdbc.sql("UPDATE cr_case SET decision_id = ?, decided_at = ?, status = 'DECIDED', version = version + 1 WHERE case_number = ?")
                .params(decisionId, utc(decidedAt), caseNumber).update();
    }

    private static ModerationCase read(ResultSet rs) throws SQLException {
        long owner = rs.getLong("owner_account_id");
        Long ownerId = rs.wasNull() ? null : owner;
        int priority = rs.getInt("priority");
        Integer priorityValue = rs.wasNull() ? null : priority;
        long decision = rs.getLong("decision_id");
        Long decisionId = rs.wasNull() ? null : decision;
        return new ModerationCase(rs.getString("case_number"), rs.getString("subject_key"), rs.getString("subject_type"),
                rs.getString("subject_reference"), ownerId, rs.getString("category"), rs.getString("specification"),
                rs.getString("country"), CaseStatus.valueOf(rs.getString("status")), rs.getInt("notice_count"),
                rs.getInt("trusted_notice_count"), rs.getString("priority_class"), priorityValue,
                instant(rs, "review_due"), rs.getString("process_instance_id"), instant(rs, "created_at"), decisionId,
                instant(rs, "decided_at"), instant(rs, "closed_at"));
    }
}
