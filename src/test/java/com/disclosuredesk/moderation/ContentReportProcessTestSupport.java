package com.disclosuredesk.moderation;

import static com.disclosuredesk.common.SqlTimes.utc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.disclosuredesk.common.Sequences;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The fixture of the content-report process tests: the real BPMN driven with camunda-bpm-assert in one Spring context,
 * the job executor off (the tests execute each asynchronous step and timer themselves). Cases are made as notice
 * intake makes them: a cr_case row ({@link CaseRepository#insert}), cr_notice rows with sealed texts
 * ({@link NoticeSeal}), the subject in the embedded platform's content (pc_content, owned by a demo account), and the
 * process started with the case number as business key and intake's variables, from test code (no one signed in).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles({"demo", "test"})
@Import({ProcessEngineCoverageConfiguration.class, ContentReportProcessTestSupport.Coverage.class})
abstract class ContentReportProcessTestSupport {

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.Companion.builder().build();
        }
    }

    static final String EXPLANATION = "The post calls for an attack on a named place and date.";
    static final String REASONING = "Reviewed again: the content is what the decision says it is.";
    private static final AtomicLong SUBJECTS = new AtomicLong(System.nanoTime() % 1_000_000);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired CaseRepository cases;
    @Autowired ModerationDecisions decisions;
    @Autowired ModerationMessages messages;
    @Autowired NoticeSeal seal;
    @Autowired Sequences sequences;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired ApplicationEventPublisher events;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void reset() {
        identity.clearAuthentication();
        ClockUtil.reset();
    }

    /** A case as intake makes it. */
    record Case(String caseNumber, ProcessInstance pi, String subjectKey, Long owner, List<Long> noticeIds) {}

    /**
     * A new case with {@code notices} notices about a fresh message (the first from gateway report-bot with a notifier
     * id, the others too unless {@code anonymousLast}: then the last is anonymous), the first notice {@code trusted}
     * or not, the subject owned by a demo account, the process started and triage run.
     */
    Case newCase(String category, String specification, String country, int notices, boolean trusted, boolean anonymousLast) {
        String reference = "https://t.me/dd_review_" + SUBJECTS.incrementAndGet() + "/4711";
        Subject subject = Subject.of("MESSAGE", reference);
        Long owner = jdbc.sql("SELECT MIN(id) FROM sub_account").query(Long.class).single();
        jdbc.sql("INSERT INTO pc_content (subject_key, owner_account_id, content_type, state, created_at) VALUES (?, ?, ?, 'VISIBLE', ?)")
                .params(subject.key(), owner, "CONTENT_TYPE_TEXT", utc(clock.instant())).update();
        String caseNumber = cases.nextCaseNumber();
        cases.insert(caseNumber, subject.key(), "MESSAGE", subject.reference(), category, specification, country, trusted);
        List<Long> ids = new java.util.ArrayList<>();
        ids.add(notice(caseNumber, subject, category, specification, country, trusted, "u-" + SUBJECTS.get() + "-1", "STARTED"));
        for (int i = 2; i <= notices; i++) {
            boolean anonymous = anonymousLast && i == notices;
            ids.add(notice(caseNumber, subject, category, specification, country, false,
                    anonymous ? null : "u-" + SUBJECTS.get() + "-" + i, "JOINED"));
            cases.countNotice(caseNumber, false);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(ContentReportVariables.CASE_NUMBER, caseNumber);
        variables.put(ContentReportVariables.SUBJECT_TYPE, "MESSAGE");
        variables.put(ContentReportVariables.SUBJECT_REFERENCE, subject.reference());
        variables.put(ContentReportVariables.CATEGORY, category);
        variables.put(ContentReportVariables.SPECIFICATION, specification);
        variables.put(ContentReportVariables.COUNTRY, country);
        variables.put(ContentReportVariables.NOTICE_COUNT, 1);
        variables.put(ContentReportVariables.TRUSTED_NOTICE_COUNT, trusted ? 1 : 0);
        ProcessInstance pi = runtime.createProcessInstanceByKey(ContentReportProcess.PROCESS_KEY).businessKey(caseNumber)
                .setVariables(variables).execute();
        cases.bind(caseNumber, pi.getId());
        assertThat(pi).isWaitingAt(ContentReportProcess.TASK_TRIAGE);
        execute(job(pi));
        assertThat(pi).isWaitingAt(ContentReportProcess.TASK_REVIEW_CONTENT);
        return new Case(caseNumber, pi, subject.key(), owner, ids);
    }

    Case newCase(String category, String specification) {
        return newCase(category, specification, "DE", 1, false, false);
    }

    /** A notice row as intake writes it (personal data sealed); returns its id. */
    long notice(String caseNumber, Subject subject, String category, String specification, String country, boolean trusted,
                String notifierRef, String disposition) {
        long id = sequences.next("cr_notice_seq");
        jdbc.sql("""
                INSERT INTO cr_notice (id, gateway, external_id, source_type, case_number, subject_type, subject_key, category,
                    specification, country, notifier_ref, anonymous, notifier_sealed, explanation_sealed, evidence_sealed,
                    media_sha256, submission_sha256, received_at, disposition)
                VALUES (?, ?, ?, ?, ?, 'MESSAGE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(id, trusted ? "flagger-ngo" : "report-bot", "ext-" + id,
                        trusted ? "SOURCE_TRUSTED_FLAGGER" : "SOURCE_ARTICLE_16", caseNumber, subject.key(), category,
                        specification, country, notifierRef, notifierRef == null,
                        notifierRef == null ? null : seal.seal(NoticeSeal.Field.NOTIFIER, id, "{\"name\":\"A. Reporter\",\"email\":\"reporter@mail.example\"}"),
                        seal.seal(NoticeSeal.Field.EXPLANATION, id, "Secret explanation of notice " + id),
                        seal.seal(NoticeSeal.Field.EVIDENCE, id, "the reported post as the user saw it"),
                        id % 2 == 0 ? "a".repeat(64) : null, "b".repeat(64), utc(clock.instant()), disposition)
                .update();
        return id;
    }

    /** Completes Task_ReviewContent as that user (signed in with their groups, having claimed it). */
    void review(ProcessInstance pi, String user, String decision, String ground, String reference, String explanation,
                boolean threatToLife) {
        Map<String, Object> outputs = new HashMap<>();
        outputs.put(ContentReportVariables.MODERATION_DECISION, decision);
        if (ground != null) {
            outputs.put(ContentReportVariables.DECISION_GROUND, ground);
        }
        if (reference != null) {
            outputs.put(ContentReportVariables.GROUND_REFERENCE, reference);
        }
        if (explanation != null) {
            outputs.put(ContentReportVariables.DECISION_EXPLANATION, explanation);
        }
        outputs.put(ContentReportVariables.THREAT_TO_LIFE, threatToLife);
        complete(task(ContentReportProcess.TASK_REVIEW_CONTENT, pi).getId(), user, outputs);
    }

    /** Reviews and applies: the decision, then Task_ApplyDecision's job; waits for complaints afterwards. */
    void decide(ProcessInstance pi, String user, String decision, String ground, String reference, boolean threatToLife) {
        review(pi, user, decision, ground, reference, "NO_ACTION".equals(decision) ? null : EXPLANATION, threatToLife);
        assertThat(pi).isWaitingAt(ContentReportProcess.TASK_APPLY_DECISION);
        execute(job(pi));
        assertThat(pi).isWaitingAt("Gateway_ComplaintOrWindowEnd");
    }

    void complete(String taskId, String user, Map<String, Object> variables) {
        signIn(user);
        try {
            tasks.claim(taskId, user);
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    void signIn(String user) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
    }

    /** A complaint row as complaint intake writes it; returns its id. */
    long complaint(String caseNumber, String by, Long noticeId, String status) {
        long decisionId = cases.get(caseNumber).decisionId();
        long id = sequences.next("cr_complaint_seq");
        jdbc.sql("""
                INSERT INTO cr_complaint (id, case_number, complainant, notice_id, decision_id, gateway, text_sealed, received_at, status)
                VALUES (?, ?, ?, ?, ?, 'report-bot', ?, ?, ?)
                """)
                .params(id, caseNumber, by, noticeId, decisionId, seal.seal(NoticeSeal.Field.COMPLAINT_TEXT, id, "I object."),
                        utc(clock.instant()), status)
                .update();
        return id;
    }

    /** A complaint received while the case waits for one: stored IN_REVIEW and correlated, as complaint intake does. */
    long complain(Case c, String by, Long noticeId) {
        long id = complaint(c.caseNumber(), by, noticeId, "IN_REVIEW");
        runtime.createMessageCorrelation(ContentReportProcess.MESSAGE_COMPLAINT_RECEIVED).processInstanceBusinessKey(c.caseNumber())
                .setVariable(ContentReportVariables.COMPLAINT_ID, id).correlate();
        assertThat(c.pi()).isWaitingAt(ContentReportProcess.TASK_REVIEW_COMPLAINT);
        return id;
    }

    void answerComplaint(ProcessInstance pi, String user, String decision) {
        complete(task(ContentReportProcess.TASK_REVIEW_COMPLAINT, pi).getId(), user,
                Map.of(ContentReportVariables.COMPLAINT_DECISION, decision, ContentReportVariables.COMPLAINT_REASONING, REASONING));
    }

    String contentState(String subjectKey) {
        return jdbc.sql("SELECT state FROM pc_content WHERE subject_key = ?").param(subjectKey).query(String.class).single();
    }

    List<ModerationMessages.Message> messagesOf(String caseNumber, ModerationMessages.Kind kind) {
        return messages.ofCase(caseNumber).stream().filter(m -> m.kind() == kind).toList();
    }

    static Instant instant(java.util.Date date) {
        return date.toInstant();
    }
}
