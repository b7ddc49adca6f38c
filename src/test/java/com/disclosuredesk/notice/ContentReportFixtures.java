package com.disclosuredesk.notice;

import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.NoticeSeal;
import com.disclosuredesk.moderation.Subject;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data of part two written straight into the tables (no process): decided cases, notices on them, suspensions.
 * Used by the HTTP tests of intake and complaints to set up what the review side would have written.
 */
public final class ContentReportFixtures {

    private static final AtomicLong UNIQUE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final SubjectRows subjects;
    private final NoticeRepository notices;
    private final NoticeSeal seal;
    private final Sequences sequences;

    public ContentReportFixtures(JdbcClient jdbc, CaseRepository cases, SubjectRows subjects, NoticeRepository notices,
                                 NoticeSeal seal, Sequences sequences) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.subjects = subjects;
        this.notices = notices;
        this.seal = seal;
        this.sequences = sequences;
    }

    /** A unique public name such as {@code ch_123456789_1} (a channel or username). */
    public static String uniqueName(String prefix) {
        return prefix + "_" + UNIQUE.incrementAndGet();
    }

    /** A case of {@code subject} decided at {@code decidedAt} with {@code decision}, current for its subject; the uploader 4242. */
    public String decidedCase(Subject subject, String decision, Instant decidedAt) {
        String caseNumber = cases.nextCaseNumber();
        cases.insert(caseNumber, subject.key(), subject.type().name(), subject.reference(), "VIOLENCE", null, "DE", false);
        cases.setOwner(caseNumber, 4242L);
        subjects.ensure(subject.key());
        subjects.setCurrentCase(subject.key(), caseNumber);
        long decisionId = sequences.next("cr_decision_seq");
        jdbc.sql("""
                INSERT INTO cr_decision (id, case_number, kind, decision, ground, ground_reference, explanation, threat_to_life,
                    decided_by, decided_at, task_id) VALUES (?, ?, 'REVIEW', ?, ?, ?, 'Incites violence.', FALSE, 'moderator', ?, ?)
                """)
                .params(decisionId, caseNumber, decision, decision.equals("NO_ACTION") ? null : "ILLEGAL_CONTENT",
                        decision.equals("NO_ACTION") ? null : "§ 111 StGB", utc(decidedAt), "fixture-" + decisionId)
                .update();
        cases.decided(caseNumber, decisionId, decidedAt);
        return caseNumber;
    }

    /** A notice of {@code gateway} (notifier {@code notifierRef}) on a case, as intake would have stored it. */
    public long noticeOn(String caseNumber, Subject subject, String gateway, String notifierRef) {
        long id = sequences.next("cr_notice_seq");
        notices.insert(new NoticeRepository.NewNotice(id, gateway, "fixture-" + id, "SOURCE_ARTICLE_16", caseNumber,
                subject.type().name(), subject.key(), "VIOLENCE", null, "DE", notifierRef, false,
                seal.seal(NoticeSeal.Field.NOTIFIER, id, "{\"name\":\"F\",\"email\":\"f@mail.example\"}"),
                seal.seal(NoticeSeal.Field.EXPLANATION, id, "fixture"), null, null, "0".repeat(64), Instant.now(),
                Disposition.STARTED));
        return id;
    }

    /** An Art. 23 suspension in force of a party ({@code NOTIFIER}: gateway:notifierRef; {@code COMPLAINANT}). */
    public void suspend(String partyKind, String partyRef, Instant until) {
        jdbc.sql("""
                INSERT INTO cr_misuse_measure (id, party_kind, party_ref, measure, basis, decided_by, created_at, suspended_until)
                VALUES (?, ?, ?, 'SUSPENSION', 'test fixture', 'modlead', ?, ?)
                """)
                .params(sequences.next("cr_misuse_seq"), partyKind, partyRef, utc(Instant.now()), utc(until)).update();
    }
}
