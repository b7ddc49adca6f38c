package com.disclosuredesk.misuse;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.disclosuredesk.common.Sequences;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Art. 23 measures ({@code cr_misuse_measure}, append-only): warnings, proposed suspensions, and the leads'
 * decisions on them, each with its basis (counts, no names, no emails). A party is locked ({@code cr_misuse_party},
 * {@code SELECT ... FOR UPDATE}) while a check decides, so that concurrent checks never measure one crossing twice.
 */
@Repository
public class MisuseMeasures {

    private static final String COLUMNS = """
            id, party_kind, party_ref, measure, case_number, basis, decided_by, created_at, suspended_until, reasoning,
            proposal_id""";

    private final JdbcClient jdbc;
    private final Sequences sequences;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    public MisuseMeasures(JdbcClient jdbc, Sequences sequences, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Locks the party until the transaction ends. The party's row is created on its first check; when two checks
     * create it at once, the loser's insert fails inside a savepoint and it waits for the winner's lock instead.
     */
    public void lock(PartyKind kind, String partyRef) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM cr_misuse_party WHERE party_kind = ? AND party_ref = ?")
                .params(kind.name(), partyRef).query(Integer.class).single() > 0;
        if (!exists) {
            try {
                savepoint.executeWithoutResult(status -> jdbc.sql("INSERT INTO cr_misuse_party (party_kind, party_ref) VALUES (?, ?)")
                        .params(kind.name(), partyRef).update());
            } catch (DataIntegrityViolationException createdByAnotherCheck) {
                // the other check's row: lock it below
            }
        }
        jdbc.sql("SELECT party_ref FROM cr_misuse_party WHERE party_kind = ? AND party_ref = ? FOR UPDATE")
                .params(kind.name(), partyRef).query(String.class).single();
    }

    /** Every measure of a party, oldest first. */
    public List<MisuseMeasure> history(PartyKind kind, String partyRef) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_misuse_measure WHERE party_kind = ? AND party_ref = ? ORDER BY created_at, id")
                .params(kind.name(), partyRef).query((rs, i) -> read(rs)).list();
    }

    public Optional<MisuseMeasure> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_misuse_measure WHERE id = ?").param(id).query((rs, i) -> read(rs)).optional();
    }

    /** The lead's decision on a proposal, if taken. */
    public Optional<MisuseMeasure> decisionOn(long proposalId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cr_misuse_measure WHERE proposal_id = ?").param(proposalId)
                .query((rs, i) -> read(rs)).optional();
    }

    /** Records a warning or a proposal (the application's own measures); returns its id. */
    public long record(PartyKind kind, String partyRef, MeasureKind measure, String caseNumber, String basis) {
        return insert(kind, partyRef, measure, caseNumber, basis, null, null, null, null);
    }

    /** Records a lead's decision on a proposal: SUSPENSION until a time, or SUSPENSION_DECLINED; returns its id. */
    public long decide(MisuseMeasure proposal, MeasureKind decision, String decidedBy, Instant suspendedUntil, String reasoning) {
        return insert(proposal.partyKind(), proposal.partyRef(), decision, proposal.caseNumber(), proposal.basis(), decidedBy,
                suspendedUntil, reasoning, proposal.id());
    }

    private long insert(PartyKind kind, String partyRef, MeasureKind measure, String caseNumber, String basis, String decidedBy,
                        Instant suspendedUntil, String reasoning, Long proposalId) {
        long id = sequences.next("cr_misuse_seq");
        jdbc.sql("""
                INSERT INTO cr_misuse_measure (id, party_kind, party_ref, measure, case_number, basis, decided_by, created_at,
                    suspended_until, reasoning, proposal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, kind.name(), partyRef, measure.name(), caseNumber, truncate(basis, 500), decidedBy,
                        utc(clock.instant()), utc(suspendedUntil), truncate(reasoning, 4000), proposalId)
                .update();
        return id;
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static MisuseMeasure read(ResultSet rs) throws SQLException {
        long proposal = rs.getLong("proposal_id");
        Long proposalId = rs.wasNull() ? null : proposal;
        return new MisuseMeasure(rs.getLong("id"), PartyKind.valueOf(rs.getString("party_kind")), rs.getString("party_ref"),
                MeasureKind.valueOf(rs.getString("measure")), rs.getString("case_number"), rs.getString("basis"),
                rs.getString("decided_by"), instant(rs, "created_at"), instant(rs, "suspended_until"), rs.getString("reasoning"),
                proposalId);
    }
}
