package com.disclosuredesk.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.disclosuredesk.process.FourEyesViolationException;
import com.disclosuredesk.process.InvalidTaskInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path and boundary event of content-report (processes/content-report.bpmn): remove, restrict, no action, a
 * threat to life, an overdue review, complaints upheld and reversed, a reversed decision to take no action reviewed
 * again, a second complaint waiting, the end of the complaint window; a joining notice that raises the priority; and
 * the rules the engine enforces (the outputs, four eyes, who may see and complete the tasks). Once every test of the
 * class has run, every flow node of the model has been passed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentReportProcessTest extends ContentReportProcessTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<String> testsRun = new HashSet<>();

    @AfterEach
    void count(org.junit.jupiter.api.TestInfo info) {
        info.getTestMethod().ifPresent(m -> testsRun.add(m.getName()));
    }

    @Test
    void removeAppliesTheDecisionOnRecordAndTellsTheUploaderAndEveryNotifierThatCanBeTold() throws Exception {
        Case c = newCase("RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT", "DE", 3, false, true);
        ModerationCase triaged = cases.get(c.caseNumber());
        assertThat(triaged.priorityClass()).isEqualTo("CRITICAL");
        assertThat(triaged.priority()).isEqualTo(100);
        assertThat(triaged.reviewDue()).isEqualTo(triaged.createdAt().plus(Duration.ofHours(1)));
        assertThat(triaged.ownerAccountId()).isEqualTo(c.owner());
        assertThat(triaged.status()).isEqualTo(CaseStatus.IN_REVIEW);
        Task review = task(ContentReportProcess.TASK_REVIEW_CONTENT, c.pi());
        assertThat(review.getPriority()).isEqualTo(100);
        assertThat(review.getDueDate().toInstant()).isEqualTo(triaged.reviewDue());

        // the form's notices: facts only, no personal data
        JsonNode notices = JSON.readTree(runtime.getVariableTyped(c.pi().getId(), ContentReportVariables.NOTICES).getValue().toString());
        assertThat(notices).hasSize(3);
        Set<String> fields = new HashSet<>();
        notices.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("id", "caseNumber", "receivedAt", "sourceType", "category",
                "specification", "country", "hasMedia");
        assertThat(notices.toString()).doesNotContain("Reporter").doesNotContain("reporter@").doesNotContain("Secret explanation")
                .doesNotContain("as the user saw it");

        review(c.pi(), "moderator", "REMOVE", "ILLEGAL_CONTENT", "§ 129a StGB", EXPLANATION, false);
        ModerationDecisions.Decision decision = decisions.ofCase(c.caseNumber()).get(0);
        assertThat(decision.decidedBy()).isEqualTo("moderator");
        assertThat(decision.kind()).isEqualTo(ModerationDecisions.Kind.REVIEW);
        assertThat(decision.groundReference()).isEqualTo("§ 129a StGB");
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.DECISION_ID)).isEqualTo(decision.id());
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.DECIDED_BY)).isEqualTo("moderator");
        assertThat(contentState(c.subjectKey())).as("nothing applied before the asynchronous step").isEqualTo("VISIBLE");

        assertThat(c.pi()).isWaitingAt(ContentReportProcess.TASK_APPLY_DECISION);
        execute(job(c.pi()));
        assertThat(contentState(c.subjectKey())).isEqualTo("REMOVED");
        ModerationDecisions.Decision applied = decisions.get(decision.id());
        assertThat(applied.appliedAt()).isNotNull();
        assertThat(applied.actionReference()).isEqualTo(c.caseNumber() + "/" + decision.id());

        ModerationCase decided = cases.get(c.caseNumber());
        assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(decided.decisionId()).isEqualTo(decision.id());
        Date windowEnds = (Date) runtime.getVariable(c.pi().getId(), ContentReportVariables.COMPLAINT_WINDOW_ENDS);
        assertThat(windowEnds.toInstant()).isEqualTo(decided.decidedAt().atZone(ZoneOffset.UTC).plusMonths(6).toInstant());

        List<ModerationMessages.Message> sor = messagesOf(c.caseNumber(), ModerationMessages.Kind.STATEMENT_OF_REASONS);
        assertThat(sor).hasSize(1);
        assertThat(sor.get(0).accountId()).isEqualTo(c.owner());
        JsonNode body = JSON.readTree(sor.get(0).body());
        assertThat(body.path("ground").path("legalReference").asText()).isEqualTo("§ 129a StGB");
        assertThat(body.path("facts").path("noticeCount").asInt()).isEqualTo(3);
        assertThat(body.path("redress").path("internalComplaint").path("until").asText()).isEqualTo(windowEnds.toInstant().toString());
        List<ModerationMessages.Message> told = messagesOf(c.caseNumber(), ModerationMessages.Kind.DECISION);
        assertThat(told).as("the anonymous notice cannot be told").hasSize(2);
        assertThat(told).extracting(ModerationMessages.Message::noticeId).containsExactly(c.noticeIds().get(0), c.noticeIds().get(1));
        assertThat(told).allSatisfy(m -> assertThat(m.gateway()).isEqualTo("report-bot"));
        assertThat(messages.ofCase(c.caseNumber()).toString()).doesNotContain("Reporter").doesNotContain("Secret explanation");
        assertThat(c.pi()).hasPassed(ContentReportProcess.TASK_CHECK_MISUSE).hasNotPassed(ContentReportProcess.TASK_REFER_TO_AUTHORITY);
    }

    @Autowired DecisionOutcomes outcomes;

    @Test
    void aRetriedOutcomeActsAndTellsOnlyOnce() {
        Case c = newCase("SCAMS_AND_FRAUD", null, "DE", 2, false, false);
        decide(c.pi(), "moderator", "REMOVE", "ILLEGAL_CONTENT", "§ 263 StGB", false);
        ModerationCase decided = cases.get(c.caseNumber());
        int messagesBefore = messages.ofCase(c.caseNumber()).size();
        // the step again, as a retry after its work was committed would run it
        Instant windowEnds = outcomes.apply(c.caseNumber(), decided.decisionId());
        assertThat(windowEnds).isEqualTo(decided.decidedAt().atZone(ZoneOffset.UTC).plusMonths(6).toInstant());
        assertThat(messages.ofCase(c.caseNumber())).hasSize(messagesBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pc_action WHERE case_number = ?").param(c.caseNumber()).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(cases.get(c.caseNumber()).decidedAt()).isEqualTo(decided.decidedAt());
        // a decision of another case is never applied to this one
        Case other = newCase("SCAMS_AND_FRAUD", null);
        assertThatThrownBy(() -> outcomes.apply(other.caseNumber(), decided.decisionId())).isInstanceOf(IllegalStateException.class);
        assertThat(contentState(other.subjectKey())).isEqualTo("VISIBLE");
    }

    @Test
    void restrictOnTheTermsOfServiceNamesTheClause() throws Exception {
        Case c = newCase("SCAMS_AND_FRAUD", null);
        assertThat(cases.get(c.caseNumber()).priorityClass()).isEqualTo("HIGH");
        decide(c.pi(), "moderator", "RESTRICT", "INCOMPATIBLE_CONTENT", "ToS 4.2 (fraud)", false);
        assertThat(contentState(c.subjectKey())).isEqualTo("RESTRICTED");
        JsonNode sor = JSON.readTree(messagesOf(c.caseNumber(), ModerationMessages.Kind.STATEMENT_OF_REASONS).get(0).body());
        assertThat(sor.path("restriction").path("type").asText()).isEqualTo("VISIBILITY_RESTRICTION");
        assertThat(sor.path("ground").path("termsClause").asText()).isEqualTo("ToS 4.2 (fraud)");
    }

    @Test
    void noActionLeavesTheContentAndTellsTheNotifiersOnly() {
        Case c = newCase("ANIMAL_WELFARE", null, "FR", 2, false, false);
        assertThat(cases.get(c.caseNumber()).priorityClass()).isEqualTo("NORMAL");
        decide(c.pi(), "moderator", "NO_ACTION", null, null, false);
        assertThat(contentState(c.subjectKey())).isEqualTo("VISIBLE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pc_action WHERE case_number = ?").param(c.caseNumber()).query(Integer.class).single()).isZero();
        assertThat(messagesOf(c.caseNumber(), ModerationMessages.Kind.STATEMENT_OF_REASONS)).isEmpty();
        assertThat(messagesOf(c.caseNumber(), ModerationMessages.Kind.DECISION)).hasSize(2)
                .allSatisfy(m -> assertThat(m.body()).contains("NO_ACTION"));
        assertThat(decisions.ofCase(c.caseNumber()).get(0).ground()).isNull();
    }

    @Test
    void aThreatToLifeIsReferredToTheAuthorityOfTheCasesCountry() {
        Case c = newCase("VIOLENCE", "COORDINATED_HARM");
        assertThat(cases.get(c.caseNumber()).priorityClass()).isEqualTo("CRITICAL");
        decide(c.pi(), "moderator", "REMOVE", "ILLEGAL_CONTENT", "§ 126 StGB", true);
        assertThat(c.pi()).hasPassed(ContentReportProcess.TASK_REFER_TO_AUTHORITY);
        Map<String, Object> referral = jdbc.sql("SELECT * FROM cr_referral WHERE case_number = ?").param(c.caseNumber()).query().singleRow();
        assertThat(referral.get("COUNTRY")).isEqualTo("DE");
        assertThat(referral.get("AUTHORITY")).isEqualTo("Bundeskriminalamt (BKA)");
        assertThat(((Number) referral.get("OWNER_ACCOUNT_ID")).longValue()).isEqualTo(c.owner());
        assertThat((String) referral.get("ACCOUNT_KEY")).startsWith("USERNAME:");
        assertThat(((Number) referral.get("DECISION_ID")).longValue()).isEqualTo(cases.get(c.caseNumber()).decisionId());

        Case elsewhere = newCase("SELF_HARM", "SUICIDE", "PL", 1, false, false);
        decide(elsewhere.pi(), "moderator2", "NO_ACTION", null, null, true);
        assertThat(jdbc.sql("SELECT authority FROM cr_referral WHERE case_number = ?").param(elsewhere.caseNumber())
                .query(String.class).single()).isEqualTo("the police of PL");
    }

    @Test
    void anOverdueReviewIsEscalatedToTheModerationLeadsWithTheEscalatedPriority() {
        Case c = newCase("ANIMAL_WELFARE", null);
        ModerationCase triaged = cases.get(c.caseNumber());
        assertThat(triaged.reviewDue()).isEqualTo(triaged.createdAt().plus(Duration.ofHours(72)));
        Job timer = management.createJobQuery().processInstanceId(c.pi().getId()).timers().activityId("Event_ReviewOverdue").singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(triaged.reviewDue());
        assertThat(management.createJobQuery().processInstanceId(c.pi().getId()).timers().executable().count())
                .as("not due yet").isZero();

        ClockUtil.setCurrentTime(Date.from(triaged.reviewDue().plusSeconds(60)));
        assertThat(management.createJobQuery().processInstanceId(c.pi().getId()).timers().executable().count()).isEqualTo(1);
        execute(timer);
        assertThat(c.pi()).hasPassed(ContentReportProcess.TASK_ESCALATE_REVIEW, "Event_ReviewEscalated")
                .isWaitingAt(ContentReportProcess.TASK_REVIEW_CONTENT);
        Task review = task(ContentReportProcess.TASK_REVIEW_CONTENT, c.pi());
        assertThat(review.getPriority()).isEqualTo(90);
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .contains(ContentReportProcess.GROUP_MODERATORS, ContentReportProcess.GROUP_MODERATION_LEADS);
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.ESCALATION_COUNT)).isEqualTo(1);
        // a moderation lead may now decide it
        decide(c.pi(), "modlead", "NO_ACTION", null, null, false);
        assertThat(decisions.ofCase(c.caseNumber()).get(0).decidedBy()).isEqualTo("modlead");
    }

    @Test
    void aJoiningNoticeRaisesThePriorityOnlyWhenItChangesSomething() {
        Case c = newCase("ANIMAL_WELFARE", null);
        ModerationCase before = cases.get(c.caseNumber());
        Subject subject = Subject.of("MESSAGE", before.subjectReference());
        long variableWrites = engine.getHistoryService().createHistoricDetailQuery().processInstanceId(c.pi().getId())
                .variableUpdates().count();

        // an ordinary notice: nothing changes, no engine write
        long plain = notice(c.caseNumber(), subject, "ANIMAL_WELFARE", null, "DE", false, "u-plain", "JOINED");
        events.publishEvent(new CaseEvents.NoticeJoined(cases.countNotice(c.caseNumber(), false), plain, false));
        assertThat(cases.get(c.caseNumber()).priorityClass()).isEqualTo("NORMAL");
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(c.pi().getId())
                .variableUpdates().count()).isEqualTo(variableWrites);
        assertThat(task(ContentReportProcess.TASK_REVIEW_CONTENT, c.pi()).getPriority()).isEqualTo(40);

        // a trusted flagger's notice: HIGH, 24 hours from the same start
        long trusted = notice(c.caseNumber(), subject, "ANIMAL_WELFARE", null, "DE", true, "u-ngo", "JOINED");
        events.publishEvent(new CaseEvents.NoticeJoined(cases.countNotice(c.caseNumber(), true), trusted, true));
        ModerationCase raised = cases.get(c.caseNumber());
        assertThat(raised.priorityClass()).isEqualTo("HIGH");
        assertThat(raised.reviewDue()).isEqualTo(before.createdAt().plus(Duration.ofHours(24)));
        Task review = task(ContentReportProcess.TASK_REVIEW_CONTENT, c.pi());
        assertThat(review.getPriority()).isEqualTo(60);
        assertThat(review.getDueDate().toInstant()).isEqualTo(raised.reviewDue());
        assertThat(management.createJobQuery().processInstanceId(c.pi().getId()).timers().activityId("Event_ReviewOverdue")
                .singleResult().getDuedate().toInstant()).isEqualTo(raised.reviewDue());
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.PRIORITY)).isEqualTo(60);

        // a notice reporting terrorist content: CRITICAL, one hour from the same start, listed first in Tasklist
        long terror = notice(c.caseNumber(), subject, "RISK_FOR_PUBLIC_SECURITY", "TERRORIST_CONTENT", "DE", false, "u-t", "JOINED");
        events.publishEvent(new CaseEvents.NoticeJoined(cases.countNotice(c.caseNumber(), false), terror, false));
        assertThat(task(ContentReportProcess.TASK_REVIEW_CONTENT, c.pi()).getPriority()).isEqualTo(100);
        assertThat(cases.get(c.caseNumber()).reviewDue()).isEqualTo(before.createdAt().plus(Duration.ofHours(1)));
        Task first = tasks.createTaskQuery().processDefinitionKey(ContentReportProcess.PROCESS_KEY)
                .taskDefinitionKey(ContentReportProcess.TASK_REVIEW_CONTENT).orderByTaskPriority().desc().orderByDueDate().asc()
                .listPage(0, 1).get(0);
        assertThat(first.getPriority()).isEqualTo(100);
    }

    @Test
    void aNoticeAboutADecidedSubjectGetsTheDecisionInForce() {
        Case c = newCase("SCAMS_AND_FRAUD", null);
        decide(c.pi(), "moderator", "REMOVE", "ILLEGAL_CONTENT", "§ 263 StGB", false);
        long late = notice(c.caseNumber(), Subject.of("MESSAGE", cases.get(c.caseNumber()).subjectReference()),
                "SCAMS_AND_FRAUD", null, "DE", false, "u-late", "ALREADY_DECIDED");
        events.publishEvent(new CaseEvents.NoticeOnDecidedCase(cases.get(c.caseNumber()), late));
        List<ModerationMessages.Message> told = messagesOf(c.caseNumber(), ModerationMessages.Kind.DECISION).stream()
                .filter(m -> m.noticeId() == late).toList();
        assertThat(told).hasSize(1);
        assertThat(told.get(0).notifierRef()).isEqualTo("u-late");
        assertThat(told.get(0).body()).contains("REMOVE").contains("Art. 21");
    }

    @Test
    void anUpheldComplaintIsReviewedByAnotherModeratorAndAnswered() throws Exception {
        Case c = newCase("SCAMS_AND_FRAUD", null);
        decide(c.pi(), "moderator", "REMOVE", "ILLEGAL_CONTENT", "§ 263 StGB", false);
        long complaint = complain(c, "UPLOADER", null);
        assertThat(cases.get(c.caseNumber()).status()).isEqualTo(CaseStatus.IN_COMPLAINT);
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.COMPLAINANT)).isEqualTo("UPLOADER");
        Task task = task(ContentReportProcess.TASK_REVIEW_COMPLAINT, c.pi());

        // the moderator who decided can neither claim nor complete it
        signIn("moderator");
        assertThatThrownBy(() -> tasks.claim(task.getId(), "moderator")).hasRootCauseInstanceOf(FourEyesViolationException.class);
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(ContentReportVariables.COMPLAINT_DECISION, "UPHOLD",
                ContentReportVariables.COMPLAINT_REASONING, REASONING))).hasRootCauseInstanceOf(FourEyesViolationException.class);
        identity.clearAuthentication();
        assertThat(c.pi()).isWaitingAt(ContentReportProcess.TASK_REVIEW_COMPLAINT);
        assertThat(task(ContentReportProcess.TASK_REVIEW_COMPLAINT, c.pi()).getAssignee()).isNull();

        answerComplaint(c.pi(), "moderator2", "UPHOLD");
        Map<String, Object> row = jdbc.sql("SELECT status, decided_by, reasoning FROM cr_complaint WHERE id = ?").param(complaint).query().singleRow();
        assertThat(row.get("STATUS")).isEqualTo("UPHELD");
        assertThat(row.get("DECIDED_BY")).isEqualTo("moderator2");
        assertThat(c.pi()).hasPassed(ContentReportProcess.TASK_ANSWER_COMPLAINT).hasNotPassed(ContentReportProcess.TASK_REVERSE_DECISION)
                .isWaitingAt("Gateway_ComplaintOrWindowEnd");
        List<ModerationMessages.Message> answers = messagesOf(c.caseNumber(), ModerationMessages.Kind.COMPLAINT_OUTCOME);
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).accountId()).isEqualTo(c.owner());
        JsonNode answer = JSON.readTree(answers.get(0).body());
        assertThat(answer.path("outcome").asText()).isEqualTo("UPHELD");
        assertThat(answer.path("redress").path("outOfCourtDisputeSettlement").asText()).contains("Art. 21");
        assertThat(contentState(c.subjectKey())).isEqualTo("REMOVED");
        assertThat(cases.get(c.caseNumber()).status()).isEqualTo(CaseStatus.DECIDED);
    }

    @Test
    void aReversedRemovalIsUndoneWithANewStatementOfReasons() throws Exception {
        Case c = newCase("SCAMS_AND_FRAUD", null, "DE", 2, false, false);
        decide(c.pi(), "moderator", "REMOVE", "ILLEGAL_CONTENT", "§ 263 StGB", false);
        long removal = cases.get(c.caseNumber()).decisionId();
        complain(c, "UPLOADER", null);
        answerComplaint(c.pi(), "moderator2", "REVERSE");
        assertThat(c.pi()).isWaitingAt(ContentReportProcess.TASK_REVERSE_DECISION);
        execute(job(c.pi()));

        assertThat(contentState(c.subjectKey())).isEqualTo("VISIBLE");
        assertThat(jdbc.sql("SELECT action FROM pc_action WHERE case_number = ? ORDER BY id").param(c.caseNumber())
                .query(String.class).list()).containsExactly("REMOVE", "UNDO");
        ModerationDecisions.Decision reversal = decisions.ofCase(c.caseNumber()).get(1);
        assertThat(reversal.kind()).isEqualTo(ModerationDecisions.Kind.REVERSAL);
        assertThat(reversal.decision()).isEqualTo("NO_ACTION");
        assertThat(reversal.reversesId()).isEqualTo(removal);
        assertThat(reversal.decidedBy()).isEqualTo("moderator2");
        assertThat(cases.get(c.caseNumber()).decisionId()).isEqualTo(reversal.id());
        List<ModerationMessages.Message> sor = messagesOf(c.caseNumber(), ModerationMessages.Kind.STATEMENT_OF_REASONS);
        assertThat(sor).hasSize(2);
        assertThat(JSON.readTree(sor.get(1).body()).path("reverses").asText()).isEqualTo("REMOVE");
        assertThat(messagesOf(c.caseNumber(), ModerationMessages.Kind.DECISION)).as("each notifier: the decision, then the reversal").hasSize(4);
        assertThat(JSON.readTree(messagesOf(c.caseNumber(), ModerationMessages.Kind.COMPLAINT_OUTCOME).get(0).body())
                .path("outcome").asText()).isEqualTo("REVERSED");
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.DECISION_ID)).isEqualTo(reversal.id());
        assertThat(c.pi()).isWaitingAt("Gateway_ComplaintOrWindowEnd");
    }

    @Test
    void aReversedDecisionToTakeNoActionGoesBackToTriageAndReview() {
        Case c = newCase("ANIMAL_WELFARE", null, "DE", 2, false, false);
        decide(c.pi(), "moderator", "NO_ACTION", null, null, false);
        long complaint = complain(c, "NOTIFIER", c.noticeIds().get(1));
        long waiting = complaint(c.caseNumber(), "NOTIFIER", c.noticeIds().get(0), "PENDING");
        answerComplaint(c.pi(), "moderator2", "REVERSE");
        execute(job(c.pi()));
        assertThat(c.pi()).hasPassed(ContentReportProcess.TASK_REVERSE_DECISION, ContentReportProcess.TASK_ANSWER_COMPLAINT)
                .isWaitingAt(ContentReportProcess.TASK_TRIAGE);
        List<ModerationMessages.Message> answers = messagesOf(c.caseNumber(), ModerationMessages.Kind.COMPLAINT_OUTCOME);
        assertThat(answers).as("the complaint reviewed, and the one waiting about the same decision").hasSize(2);
        assertThat(answers.get(0).noticeId()).isEqualTo(c.noticeIds().get(1));
        assertThat(answers.get(1).noticeId()).isEqualTo(c.noticeIds().get(0));
        assertThat(jdbc.sql("SELECT status || '/' || decided_by FROM cr_complaint WHERE id = ?").param(waiting).query(String.class)
                .single()).as("no complaint is left waiting when the content goes back to review").isEqualTo("REVERSED/moderator2");
        assertThat(answers.get(0).gateway()).isEqualTo("report-bot");
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.REVIEW_ROUND)).isEqualTo(2);

        execute(job(c.pi()));
        assertThat(c.pi()).isWaitingAt(ContentReportProcess.TASK_REVIEW_CONTENT);
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.MODERATION_DECISION)).as("the last round's outputs are gone").isNull();
        assertThat(cases.get(c.caseNumber()).status()).isEqualTo(CaseStatus.IN_REVIEW);
        decide(c.pi(), "moderator2", "REMOVE", "INCOMPATIBLE_CONTENT", "ToS 3.1", false);
        assertThat(contentState(c.subjectKey())).isEqualTo("REMOVED");
        assertThat(decisions.ofCase(c.caseNumber())).extracting(ModerationDecisions.Decision::decision).containsExactly("NO_ACTION", "REMOVE");
        assertThat(jdbc.sql("SELECT status FROM cr_complaint WHERE id = ?").param(complaint).query(String.class).single()).isEqualTo("REVERSED");
    }

    @Test
    void aSecondComplaintWaitingWhileOneIsReviewedIsReviewedNext() {
        Case c = newCase("SCAMS_AND_FRAUD", null, "DE", 2, false, false);
        decide(c.pi(), "moderator", "RESTRICT", "INCOMPATIBLE_CONTENT", "ToS 4.2", false);
        long first = complain(c, "UPLOADER", null);
        long second = complaint(c.caseNumber(), "NOTIFIER", c.noticeIds().get(0), "PENDING");
        answerComplaint(c.pi(), "moderator2", "UPHOLD");
        assertThat(c.pi()).isWaitingAt(ContentReportProcess.TASK_REVIEW_COMPLAINT);
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.COMPLAINT_ID)).isEqualTo(second);
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.COMPLAINANT)).isEqualTo("NOTIFIER");
        assertThat(jdbc.sql("SELECT status FROM cr_complaint WHERE id = ?").param(second).query(String.class).single()).isEqualTo("IN_REVIEW");
        assertThat(cases.get(c.caseNumber()).status()).isEqualTo(CaseStatus.IN_COMPLAINT);
        answerComplaint(c.pi(), "moderator2", "UPHOLD");
        assertThat(c.pi()).isWaitingAt("Gateway_ComplaintOrWindowEnd");
        assertThat(cases.get(c.caseNumber()).status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(messagesOf(c.caseNumber(), ModerationMessages.Kind.COMPLAINT_OUTCOME)).hasSize(2);
        assertThat(jdbc.sql("SELECT status FROM cr_complaint WHERE id = ?").param(first).query(String.class).single()).isEqualTo("UPHELD");
    }

    @Test
    void theCaseClosesWhenTheComplaintWindowEnds() {
        Case c = newCase("SCAMS_AND_FRAUD", null);
        decide(c.pi(), "moderator", "REMOVE", "ILLEGAL_CONTENT", "§ 263 StGB", false);
        Date windowEnds = (Date) runtime.getVariable(c.pi().getId(), ContentReportVariables.COMPLAINT_WINDOW_ENDS);
        Job timer = management.createJobQuery().processInstanceId(c.pi().getId()).timers().activityId("Event_ComplaintWindowEnds").singleResult();
        assertThat(timer.getDuedate()).isEqualTo(windowEnds);
        ClockUtil.setCurrentTime(Date.from(windowEnds.toInstant().plusSeconds(1)));
        execute(timer);
        assertThat(c.pi()).hasPassed(ContentReportProcess.TASK_CLOSE_CASE, "Event_CaseClosed").isEnded();
        ModerationCase closed = cases.get(c.caseNumber());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(windowEnds.toInstant().plusSeconds(1));
    }

    @Test
    void aReviewBreakingTheContractIsRefusedAndChangesNothing() {
        Case c = newCase("SCAMS_AND_FRAUD", null);
        assertThatThrownBy(() -> review(c.pi(), "moderator", "REMOVE", null, "§ 263 StGB", EXPLANATION, false))
                .hasRootCauseInstanceOf(InvalidTaskInputException.class).hasMessageContaining("decisionGround");
        assertThatThrownBy(() -> review(c.pi(), "moderator", "REMOVE", "ILLEGAL_CONTENT", "§ 263 StGB", "short", false))
                .hasRootCauseInstanceOf(InvalidTaskInputException.class).hasMessageContaining("decisionExplanation");
        assertThatThrownBy(() -> review(c.pi(), "moderator", "NO_ACTION", "ILLEGAL_CONTENT", null, null, false))
                .hasRootCauseInstanceOf(InvalidTaskInputException.class).hasMessageContaining("decisionGround");
        // an extra variable (the decider) is refused by the engine's guard before anything happens
        Task task = task(ContentReportProcess.TASK_REVIEW_CONTENT, c.pi());
        signIn("moderator");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(ContentReportVariables.MODERATION_DECISION, "NO_ACTION",
                ContentReportVariables.DECIDED_BY, "moderator2"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("decidedBy");
        identity.clearAuthentication();
        assertThat(c.pi()).isWaitingAt(ContentReportProcess.TASK_REVIEW_CONTENT);
        assertThat(decisions.ofCase(c.caseNumber())).isEmpty();
        assertThat(runtime.getVariable(c.pi().getId(), ContentReportVariables.DECIDED_BY)).isNull();
        assertThat(cases.get(c.caseNumber()).status()).isEqualTo(CaseStatus.IN_REVIEW);
    }

    @Test
    void legalAnalystsAndGatewaysCanNeitherSeeNorCompleteModerationTasks() {
        Case c = newCase("SCAMS_AND_FRAUD", null);
        Task task = task(ContentReportProcess.TASK_REVIEW_CONTENT, c.pi());
        for (String outsider : List.of("analyst", "report-bot")) {
            signIn(outsider);
            try {
                assertThat(tasks.createTaskQuery().processInstanceId(c.pi().getId()).count()).as(outsider).isZero();
                assertThatThrownBy(() -> tasks.claim(task.getId(), outsider)).isInstanceOf(AuthorizationException.class);
                assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(ContentReportVariables.MODERATION_DECISION, "NO_ACTION",
                        ContentReportVariables.THREAT_TO_LIFE, false))).isInstanceOf(AuthorizationException.class);
            } finally {
                identity.clearAuthentication();
            }
        }
        signIn("moderator");
        assertThat(tasks.createTaskQuery().processInstanceId(c.pi().getId()).count()).isEqualTo(1);
        identity.clearAuthentication();
        assertThat(decisions.ofCase(c.caseNumber())).isEmpty();
    }

    /** Once every test of this class has run: each flow node of content-report was passed by some case. */
    @AfterAll
    void everyFlowNodeWasPassed() {
        long tests = java.util.Arrays.stream(getClass().getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Test.class)).count();
        if (testsRun.size() < tests) {
            return;
        }
        var definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ContentReportProcess.PROCESS_KEY).latestVersion().singleResult();
        Set<String> nodes = new HashSet<>();
        engine.getRepositoryService().getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
                .forEach(node -> nodes.add(node.getId()));
        Set<String> passed = new HashSet<>();
        engine.getHistoryService().createHistoricActivityInstanceQuery().processDefinitionId(definition.getId()).list()
                .stream().map(HistoricActivityInstance::getActivityId).forEach(passed::add);
        assertThat(passed).as("flow nodes of content-report passed by the tests").containsAll(nodes);
    }

    static Instant in(Duration d) {
        return ClockUtil.getCurrentTime().toInstant().plus(d);
    }
}
