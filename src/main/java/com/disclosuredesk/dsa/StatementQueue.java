package com.disclosuredesk.dsa;

import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import com.disclosuredesk.common.CommitOrderedFeed;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.DecisionOutcomes;
import com.disclosuredesk.moderation.ModerationCase;
import com.disclosuredesk.moderation.ModerationDecisions;
import com.disclosuredesk.moderation.ModerationInterface;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Queues the statement of reasons of each decision for the DSA Transparency Database (Art. 24(5) DSA) in
 * {@code cr_statement}, in the transaction of the step that applied or reversed the decision
 * ({@link DecisionOutcomes#apply} and {@link DecisionOutcomes#reverse} call it): the statement is queued if and only
 * if the decision is in force. {@link StatementSender} sends the queue; {@link StatementFeedController} serves it.
 * <ul>
 *   <li>REMOVE or RESTRICT (a review): one statement. NO_ACTION restricts nothing: Art. 24(5) asks for the statements
 *       of Art. 17(1), which are about restrictions, and the Database's schema requires a restriction; none is
 *       queued.</li>
 *   <li>A reversal (kind REVERSAL, after a complaint): a statement of its own, with its own puid, naming the statement
 *       it lifts ({@link StatementsOfReasonsExport}).</li>
 * </ul>
 * Every statement is validated against {@link StatementSchema} first: one that fails throws
 * {@link InvalidStatementException} (no values in its message), the step's job fails and becomes an incident; no
 * decision is applied without its statement. Idempotent: a decision already queued is not queued again (checked
 * first; the table's unique decision_id is the last guard).
 */
@Service
public class StatementQueue implements DecisionOutcomes.TransparencyDatabaseQueue {

    private static final Logger LOG = LoggerFactory.getLogger(StatementQueue.class);

    private final JdbcClient jdbc;
    private final CommitOrderedFeed feed;
    private final CaseRepository cases;
    private final ModerationDecisions decisions;
    private final ModerationInterface platform;
    private final StatementSchema schema;
    private final Clock clock;

    public StatementQueue(JdbcClient jdbc, CommitOrderedFeed feed, CaseRepository cases, ModerationDecisions decisions,
                          ModerationInterface platform, StatementSchema schema, Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.cases = cases;
        this.decisions = decisions;
        this.platform = platform;
        this.schema = schema;
        this.clock = clock;
    }

    @Override
    public void queue(String caseNumber, long decisionId) {
        if (jdbc.sql("SELECT COUNT(*) FROM cr_statement WHERE decision_id = ?").param(decisionId).query(Long.class).single() > 0) {
            return;
        }
        statement(caseNumber, decisionId).ifPresent(statement -> {
            String puid = statement.get("puid").asText();
            // written when the transaction commits, with an id in the order of the commits (the feed never skips it)
            OffsetDateTime createdAt = utc(clock.instant());
            feed.append("cr_statement", id -> jdbc.sql("""
                    INSERT INTO cr_statement (id, puid, case_number, decision_id, statement, created_at, state, attempts)
                    VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 0)
                    """)
                    .params(id, puid, caseNumber, decisionId, statement.toString(), createdAt)
                    .update());
            LOG.info("Case {}: statement of reasons {} queued for the DSA Transparency Database", caseNumber, puid);
        });
    }

    /**
     * The statement of decision {@code decisionId}, validated; empty for a decision that restricts nothing (NO_ACTION
     * review). Throws {@link InvalidStatementException} if it breaks the schema.
     */
    public Optional<ObjectNode> statement(String caseNumber, long decisionId) {
        ModerationDecisions.Decision d = decisions.get(decisionId);
        if (!caseNumber.equals(d.caseNumber())) {
            throw new IllegalStateException("Decision " + decisionId + " is not a decision on case " + caseNumber);
        }
        boolean reversal = d.kind() == ModerationDecisions.Kind.REVERSAL;
        if (!reversal && !d.acts()) {
            return Optional.empty();
        }
        ModerationCase c = cases.find(caseNumber).orElseThrow(() -> new IllegalStateException("No case " + caseNumber));
        // a reversal restricts nothing of its own: the restriction, ground and reference are those it lifts
        ModerationDecisions.Decision restricting = reversal ? decisions.get(d.reversesId()) : d;
        if (reversal && !restricting.acts()) {
            return Optional.empty();
        }
        Instant applied = d.appliedAt() != null ? d.appliedAt() : clock.instant();
        ModerationInterface.SubjectFacts subject = platform.facts(c.subjectKey());
        StatementsOfReasonsExport.Facts facts = new StatementsOfReasonsExport.Facts(caseNumber, decisionId, reversal,
                restricting.decision(), c.subjectType(), restricting.ground(), restricting.groundReference(),
                d.explanation(), c.category(), c.specification(), subject.contentType(),
                contentDate(c, subject), LocalDate.ofInstant(applied, ZoneOffset.UTC), c.trustedNoticeCount() > 0,
                c.noticeCount(), reversal ? StatementsOfReasonsExport.puid(caseNumber, restricting.id()) : null);
        ObjectNode statement = StatementsOfReasonsExport.statement(facts);
        schema.check(statement, "decision " + decisionId + " of case " + caseNumber);
        return Optional.of(statement);
    }

    /** When the content was posted, as the platform says (ModerationInterface); else when the case began (no later). */
    private LocalDate contentDate(ModerationCase c, ModerationInterface.SubjectFacts subject) {
        Instant posted = subject.postedAt() != null ? subject.postedAt() : c.createdAt();
        return LocalDate.ofInstant(posted, ZoneOffset.UTC);
    }
}
