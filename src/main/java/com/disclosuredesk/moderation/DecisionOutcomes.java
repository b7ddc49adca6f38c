package com.disclosuredesk.moderation;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * What a decision on record does (Task_ApplyDecision, Task_ReverseDecision, and a notice about a subject decided in
 * the last 30 days): it is applied through the {@link ModerationInterface}, the uploader gets a statement of reasons
 * (Art. 17), every notifier that can be told gets the decision and their redress (Art. 16(5); anonymous notices
 * cannot be told), and the case records the decision in force. Works from cr_decision only, never from process
 * variables. Idempotent: a retried step finds the decision already applied and in force and sends nothing twice (the
 * messages of a failed attempt roll back with it).
 */
@Service
@EnableConfigurationProperties(DecisionOutcomes.Settings.class)
public class DecisionOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionOutcomes.class);

    /**
     * {@code disclosure-desk.moderation.complaints.*}
     *
     * @param window how long after the decision message complaints are accepted (Art. 20(1): at least six months)
     */
    @ConfigurationProperties("disclosure-desk.moderation.complaints")
    public record Settings(Period window) {
        public Settings {
            Objects.requireNonNull(window, "disclosure-desk.moderation.complaints.window is not set");
            if (window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("disclosure-desk.moderation.complaints.window must be positive");
            }
        }
    }

    /**
     * Issue 17: queues the statement of reasons of a decision in force for the DSA Transparency Database
     * ({@code dsa.StatementQueue}), in the step's transaction; throws if the statement breaks the Database's schema.
     */
    public interface TransparencyDatabaseQueue {
        void queue(String caseNumber, long decisionId);
    }

    private final CaseRepository cases;
    private final CaseNotices notices;
    private final ModerationDecisions decisions;
    private final ModerationMessages messages;
    private final ModerationInterface platform;
    private final Settings settings;
    private final Clock clock;
    private final TransparencyDatabaseQueue statements;
    private final DecisionLedger ledger;

    public DecisionOutcomes(CaseRepository cases, CaseNotices notices, ModerationDecisions decisions,
                            ModerationMessages messages, ModerationInterface platform, Settings settings, Clock clock,
                            TransparencyDatabaseQueue statements, DecisionLedger ledger) {
        this.cases = cases;
        this.notices = notices;
        this.decisions = decisions;
        this.messages = messages;
        this.platform = platform;
        this.settings = settings;
        this.clock = clock;
        this.statements = statements;
        this.ledger = ledger;
    }

    /** When the complaint window of a decision sent at {@code sentAt} ends. */
    public Instant complaintWindowEnds(Instant sentAt) {
        return sentAt.atZone(ZoneOffset.UTC).plus(settings.window()).toInstant();
    }

    /**
     * Applies the review decision {@code decisionId} of the case and tells the uploader and the notifiers; returns when
     * the complaint window ends.
     */
    public Instant apply(String caseNumber, long decisionId) {
        ModerationCase c = cases.lock(caseNumber).orElseThrow(() -> new IllegalStateException("No case " + caseNumber));
        ModerationDecisions.Decision decision = decisions.get(decisionId);
        if (!caseNumber.equals(decision.caseNumber())) {
            throw new IllegalStateException("Decision " + decisionId + " is not a decision on case " + caseNumber);
        }
        if (Long.valueOf(decisionId).equals(c.decisionId()) && c.decidedAt() != null) {
            // a retried step whose work is done
            return complaintWindowEnds(c.decidedAt());
        }
        if (decision.acts() && decision.appliedAt() == null) {
            String reference = platform.apply(caseNumber, decisionId, c.subjectKey(), decision.decision());
            decisions.applied(decisionId, clock.instant(), reference);
        }
        Instant sentAt = clock.instant();
        cases.decided(caseNumber, decisionId, sentAt);
        // issue 17: the statement of reasons for the DSA Transparency Database, once
        statements.queue(caseNumber, decisionId);
        Instant windowEnds = complaintWindowEnds(sentAt);
        StatementsOfReasons.Facts facts = facts(c, decision, windowEnds);
        if (decision.acts() && c.ownerAccountId() != null) {
            messages.toUploader(ModerationMessages.Kind.STATEMENT_OF_REASONS, caseNumber, c.ownerAccountId(),
                    StatementsOfReasons.statementOfReasons(facts));
        }
        tellNotifiers(c, facts);
        // issue 17: the ledger entry, once; last, so that the ledger's head is locked only until the commit (a case with
        // thousands of notifiers must not hold up the legal orders' entries while its messages are written)
        ledger.decisionInForce(decisionId);
        LOG.info("Case {} decided: {}", caseNumber, decision.decision());
        return windowEnds;
    }

    /**
     * Reverses a decision that a complaint overturned. REMOVE or RESTRICT: the action is undone, a REVERSAL decision
     * (NO_ACTION) comes into force, the uploader gets a new statement of reasons and the notifiers the new decision;
     * returns it. NO_ACTION: nothing is undone (the content goes back to review); returns empty.
     */
    public Optional<ModerationDecisions.Decision> reverse(String caseNumber, long decisionId, String reasoning, String decidedBy) {
        ModerationCase c = cases.lock(caseNumber).orElseThrow(() -> new IllegalStateException("No case " + caseNumber));
        ModerationDecisions.Decision reversed = decisions.get(decisionId);
        if (!caseNumber.equals(reversed.caseNumber())) {
            throw new IllegalStateException("Decision " + decisionId + " is not a decision on case " + caseNumber);
        }
        if (!reversed.acts()) {
            return Optional.empty();
        }
        Optional<ModerationDecisions.Decision> done = decisions.reversalOf(decisionId);
        if (done.isPresent() && done.get().id() == (c.decisionId() == null ? -1 : c.decisionId())) {
            return done;
        }
        if (reversed.actionReference() != null) {
            platform.undo(caseNumber, reversed.actionReference());
        }
        ModerationDecisions.Decision reversal = done.orElseGet(() -> decisions.record(caseNumber,
                ModerationDecisions.Kind.REVERSAL, "NO_ACTION", null, null, reasoning, false, decidedBy, null, decisionId));
        Instant sentAt = clock.instant();
        decisions.applied(reversal.id(), sentAt, reversed.actionReference() == null ? null : reversed.actionReference() + "/undo");
        cases.decided(caseNumber, reversal.id(), sentAt);
        // issue 17: the statement of reasons for the DSA Transparency Database, once
        statements.queue(caseNumber, reversal.id());
        Instant windowEnds = complaintWindowEnds(sentAt);
        if (c.ownerAccountId() != null) {
            messages.toUploader(ModerationMessages.Kind.STATEMENT_OF_REASONS, caseNumber, c.ownerAccountId(),
                    StatementsOfReasons.reversal(facts(c, reversed, windowEnds), reasoning, sentAt));
        }
        tellNotifiers(c, facts(c, reversal, windowEnds));
        // issue 17: the ledger entry, once; last, so that the ledger's head is locked only until the commit (a case with
        // thousands of notifiers must not hold up the legal orders' entries while its messages are written)
        ledger.decisionInForce(reversal.id());
        LOG.info("Case {}: decision reversed", caseNumber);
        return Optional.of(reversal);
    }

    /** A notice about a subject decided in the last 30 days: its notifier gets the decision in force. */
    @EventListener
    public void noticeOnDecidedCase(CaseEvents.NoticeOnDecidedCase event) {
        ModerationCase c = event.moderationCase();
        if (c.decisionId() == null || c.decidedAt() == null) {
            return;
        }
        notices.notifier(event.noticeId()).ifPresent(notifier -> {
            ModerationDecisions.Decision decision = decisions.get(c.decisionId());
            StatementsOfReasons.Facts facts = facts(c, decision, complaintWindowEnds(c.decidedAt()));
            messages.toNotifier(notifier.gateway(), ModerationMessages.Kind.DECISION, c.caseNumber(), notifier.noticeId(),
                    notifier.notifierRef(), StatementsOfReasons.notifierDecision(facts));
        });
    }

    private void tellNotifiers(ModerationCase c, StatementsOfReasons.Facts facts) {
        String body = StatementsOfReasons.notifierDecision(facts);
        for (CaseNotices.Notifier notifier : notices.notifiers(c.caseNumber())) {
            messages.toNotifier(notifier.gateway(), ModerationMessages.Kind.DECISION, c.caseNumber(), notifier.noticeId(),
                    notifier.notifierRef(), body);
        }
    }

    private StatementsOfReasons.Facts facts(ModerationCase c, ModerationDecisions.Decision d, Instant windowEnds) {
        return new StatementsOfReasons.Facts(c.caseNumber(), c.subjectType(), c.subjectReference(), c.country(),
                c.noticeCount(), c.trustedNoticeCount() > 0, d.decision(), d.ground(), d.groundReference(), d.explanation(),
                d.decidedAt(), windowEnds);
    }
}
