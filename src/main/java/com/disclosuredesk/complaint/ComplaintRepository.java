package com.disclosuredesk.complaint;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The complaints of part two (Art. 20, {@code cr_complaint}): stored by intake ({@link ComplaintIntakeService}) as
 * {@code PENDING} or {@code IN_REVIEW}, the text sealed ({@code NoticeSeal.Field.COMPLAINT_TEXT}, the complaint id as
 * associated data). The review side (complaint.ComplaintDecisions) records the outcome and takes the next pending one.
 */
@Repository
public class ComplaintRepository {

    /** A complaint without its sealed text. */
    public record Complaint(long id, String caseNumber, String complainant, Long noticeId, long decisionId, String gateway,
                            Instant receivedAt, ComplaintStatus status) {}

    private static final String COLUMNS = "id, case_number, complainant, notice_id, decision_id, gateway, received_at, status";

    private final JdbcClient jdbc;

    public ComplaintRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long id, String caseNumber, String complainant, Long noticeId, long decisionId, String gateway,
                       byte[] textSealed, Instant receivedAt, ComplaintStatus status) {
        jdbc.sql("""
                INSERT INTO cr_complaint (id, case_number, complainant, notice_id, decision_id, gateway, text_sealed,
                    received_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, caseNumber, complainant, noticeId, decisionId, gateway, textSealed, utc(receivedAt), status.name())
                .update();
    }

    public Optional<Complaint> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_complaint WHERE id = ?").param(id).query((rs, i) -> read(rs)).optional();
    }

    /** The sealed text of a complaint (open it with NoticeSeal, field COMPLAINT_TEXT, the complaint id). */
    public Optional<byte[]> sealedText(long id) {
        return jdbc.sql("SELECT text_sealed FROM cr_complaint WHERE id = ?").param(id)
                .query((rs, i) -> rs.getBytes(1)).optional();
    }

    public void setStatus(long id, ComplaintStatus status) {
        jdbc.sql("UPDATE cr_complaint SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    /** The case's pending complaints, oldest first (the review side takes the first after an answer). */
    public List<Complaint> pending(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_complaint WHERE case_number = ? AND status = 'PENDING' ORDER BY id")
                .param(caseNumber).query((rs, i) -> read(rs)).list();
    }

    public List<Complaint> ofCase(String caseNumber) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_complaint WHERE case_number = ? ORDER BY id")
                .param(caseNumber).query((rs, i) -> read(rs)).list();
    }

    private static Complaint read(ResultSet rs) throws SQLException {
        long notice = rs.getLong("notice_id");
        Long noticeId = rs.wasNull() ? null : notice;
        return new Complaint(rs.getLong("id"), rs.getString("case_number"), rs.getString("complainant"), noticeId,
                rs.getLong("decision_id"), rs.getString("gateway"), instant(rs, "received_at"),
                ComplaintStatus.valueOf(rs.getString("status")));
    }
}
