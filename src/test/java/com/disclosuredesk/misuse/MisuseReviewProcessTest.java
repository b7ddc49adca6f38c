package com.disclosuredesk.misuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.moderation.NotifierStanding;
import com.disclosuredesk.process.InvalidTaskInputException;
import com.disclosuredesk.process.NotACandidateException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Art. 23 end to end in the engine: the misuse check over decisions recorded in the tables (written here as intake,
 * review and complaints write them), the warning, the proposal that starts misuse-review, and the lead's decision in
 * it (camunda-bpm-assert, the job executor off: the test runs Task_ApplySuspension's job itself). Process test
 * coverage: every flow node of misuse-review is passed (target/process-test-coverage/).
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles({"demo", "test"})
@Import({ProcessEngineCoverageConfiguration.class, MisuseReviewProcessTest.Coverage.class})
class MisuseReviewProcessTest {

    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.Companion.builder().assertClassCoverageAtLeast(1.0).build();
        }
    }

    static final String GATEWAY = "report-bot";
    static final String REASONS = "Repeated reports of lawful channels after a warning; thirty days.";

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired MisuseService misuse;
    @Autowired MisuseMeasures measures;
    @Autowired NotifierStanding standing;
    @Autowired Sequences sequences;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;
    @Autowired org.springframework.transaction.support.TransactionTemplate transactions;

    final ObjectMapper json = new ObjectMapper();
    JdbcClient jdbc;
    MisuseFixture fixture;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        jdbc = JdbcClient.create(dataSource);
        fixture = new MisuseFixture(jdbc, sequences);
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    Instant now() {
        return clock.instant();
    }

    Instant daysAgo(long days) {
        return now().minus(Duration.ofDays(days));
    }

    // --- the paths --------------------------------------------------------------------------------------------------

    @Test
    void aNotifierIsWarnedThenProposedThenSuspendedAndTheirNoticesAreRefused() throws Exception {
        String notifier = MisuseFixture.unique("u");
        String party = NotifierStanding.notifierParty(GATEWAY, notifier);
        String last = null;
        for (int i = 0; i < 7; i++) {
            last = fixture.noticeDecided(GATEWAY, notifier, "NO_ACTION", daysAgo(40 - i), daysAgo(30 - i));
        }
        fixture.noticeDecided(GATEWAY, notifier, "REMOVE", daysAgo(40), daysAgo(30));

        // first crossing: 7 of 8 notices unfounded, a warning to the notifier through its gateway, no review
        String firstCase = last;
        List<MisuseMeasure> first = misuse.afterDecision(firstCase);
        assertThat(first).singleElement().satisfies(m -> {
            assertThat(m.measure()).isEqualTo(MeasureKind.WARNING);
            assertThat(m.partyRef()).isEqualTo(party);
            assertThat(m.basis()).startsWith("7 of 8 notices decided in 90 days manifestly unfounded").contains(firstCase);
        });
        JsonNode warning = message("MISUSE_WARNING", notifier);
        assertThat(warning.get("text").asText()).contains("Art. 23(2)");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("misuse-review").processInstanceBusinessKey(
                MisuseService.businessKey(first.get(0).id())).count()).isZero();
        // never twice for the same crossing
        assertThat(misuse.afterDecision(last)).isEmpty();

        // the warning was 10 days ago; since then 7 more notices, all unfounded: a suspension is proposed
        fixture.backdate(first.get(0).id(), daysAgo(10));
        for (int i = 0; i < 7; i++) {
            last = fixture.noticeDecided(GATEWAY, notifier, "NO_ACTION", daysAgo(9 - i), daysAgo(8 - i));
        }
        MisuseMeasure proposal = misuse.afterDecision(last).get(0);
        assertThat(proposal.measure()).isEqualTo(MeasureKind.SUSPENSION_PROPOSED);
        assertThat(proposal.basis()).startsWith("7 of 7 notices").contains("counted after the measure of");
        ProcessInstance pi = instance(proposal);
        assertThat(pi).isWaitingAt("Task_DecideSuspension");
        assertThat(task(pi)).hasCandidateGroup("moderation-leads");
        assertThat(pi).variables().containsEntry("partyKind", "NOTIFIER").containsEntry("misuseMeasureId", proposal.id())
                .containsEntry("misuseBasis", proposal.basis()).containsEntry("suspensionMaxDays", 180);
        assertThat(String.valueOf(runtime.getVariables(pi.getId()))).doesNotContain(notifier);
        // no second proposal while this one is open
        assertThat(misuse.afterDecision(last)).isEmpty();
        assertThat(standing.suspendedUntil("NOTIFIER", party)).isEmpty();

        decide(pi, "modlead", Map.of("suspensionDecision", "SUSPEND", "suspensionDays", 30L, "suspensionReasoning", REASONS));
        MisuseMeasure suspension = measures.decisionOn(proposal.id()).orElseThrow();
        assertThat(suspension.measure()).isEqualTo(MeasureKind.SUSPENSION);
        assertThat(suspension.decidedBy()).isEqualTo("modlead");
        assertThat(Duration.between(now(), suspension.suspendedUntil()).toDays()).isBetween(29L, 30L);
        assertThat(standing.suspendedUntil("NOTIFIER", party)).contains(suspension.suspendedUntil());

        assertThat(pi).isWaitingAt("Task_ApplySuspension");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Task_ApplySuspension", "Event_Suspended");
        JsonNode message = message("SUSPENSION", notifier);
        assertThat(message.get("suspendedUntil").asText()).isEqualTo(suspension.suspendedUntil().toString());
        assertThat(message.get("reasons").asText()).isEqualTo(REASONS);
        assertThat(message.get("redress").asText()).contains("Art. 20").contains("Art. 21");
        // nothing about the notifier in the engine's history
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).list())
                .extracting(HistoricVariableInstance::getValue).map(String::valueOf).noneMatch(v -> v.contains(notifier));
    }

    @Test
    void anAccountThatPostsManifestlyIllegalContentAgainIsSuspendedOnThePlatform() throws Exception {
        long account = 900_000_000L + System.nanoTime() % 1_000_000;
        String last = null;
        for (int i = 0; i < 3; i++) {
            last = fixture.contentDecided(account, "REMOVE", "ILLEGAL_CONTENT", daysAgo(50 + i), daysAgo(45 + i));
        }
        // content removed as incompatible with the terms, or no action: not manifestly illegal
        fixture.contentDecided(account, "RESTRICT", "INCOMPATIBLE_CONTENT", daysAgo(50), daysAgo(45));
        MisuseMeasure warning = misuse.afterDecision(last).get(0);
        assertThat(warning.measure()).isEqualTo(MeasureKind.WARNING);
        assertThat(warning.basis()).startsWith("3 of 4 decided cases about the account's content");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cr_message WHERE kind = 'MISUSE_WARNING' AND recipient = 'UPLOADER' AND account_id = ?")
                .param(account).query(Long.class).single()).isOne();

        fixture.backdate(warning.id(), daysAgo(20));
        // a NO_ACTION decision checks notifiers, never the account
        String lawful = fixture.contentDecided(account, "NO_ACTION", null, daysAgo(5), daysAgo(4));
        assertThat(misuse.afterDecision(lawful)).isEmpty();
        for (int i = 0; i < 3; i++) {
            last = fixture.contentDecided(account, "RESTRICT", "ILLEGAL_CONTENT", daysAgo(10 - i), daysAgo(9 - i));
        }
        MisuseMeasure proposal = misuse.afterDecision(last).get(0);
        assertThat(proposal.measure()).isEqualTo(MeasureKind.SUSPENSION_PROPOSED);
        assertThat(proposal.basis()).startsWith("3 of 4 decided cases");
        ProcessInstance pi = instance(proposal);
        assertThat(String.valueOf(runtime.getVariables(pi.getId()))).doesNotContain(String.valueOf(account));

        decide(pi, "modlead", Map.of("suspensionDecision", "SUSPEND", "suspensionDays", "60", "suspensionReasoning", REASONS));
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_Suspended");
        MisuseMeasure suspension = measures.decisionOn(proposal.id()).orElseThrow();
        assertThat(jdbc.sql("SELECT action || '/' || account_id || '/' || reference FROM pc_action WHERE reference = ?")
                .param("suspension/" + suspension.id()).query(String.class).single())
                .isEqualTo("SUSPEND_ACCOUNT/" + account + "/suspension/" + suspension.id());
        assertThat(Duration.between(now(), suspension.suspendedUntil()).toDays()).isBetween(59L, 60L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cr_message WHERE kind = 'SUSPENSION' AND recipient = 'UPLOADER' AND account_id = ?")
                .param(account).query(Long.class).single()).isOne();
    }

    @Test
    void aLeadDeclinesASuspensionOfAComplainantAndNothingIsApplied() {
        long account = 800_000_000L + System.nanoTime() % 1_000_000;
        long lastComplaint = 0;
        for (int i = 0; i < 4; i++) {
            String caseNumber = fixture.contentDecided(account, "REMOVE", "INCOMPATIBLE_CONTENT", daysAgo(60), daysAgo(59));
            lastComplaint = fixture.uploaderComplaint(caseNumber, "UPHELD", daysAgo(50 - i), daysAgo(40 - i));
        }
        String reversed = fixture.contentDecided(account, "REMOVE", "INCOMPATIBLE_CONTENT", daysAgo(60), daysAgo(59));
        long reversal = fixture.uploaderComplaint(reversed, "REVERSED", daysAgo(50), daysAgo(40));
        // a reversed complaint checks nothing
        assertThat(misuse.afterComplaintAnswered(reversal)).isEmpty();
        MisuseMeasure warning = misuse.afterComplaintAnswered(lastComplaint).orElseThrow();
        assertThat(warning.measure()).isEqualTo(MeasureKind.WARNING);
        assertThat(warning.partyKind()).isEqualTo(PartyKind.COMPLAINANT);
        assertThat(warning.partyRef()).isEqualTo(MisuseParty.uploaderComplainantRef(account));
        assertThat(warning.basis()).startsWith("4 of 5 complaints answered in 90 days manifestly unfounded");

        fixture.backdate(warning.id(), daysAgo(30));
        for (int i = 0; i < 4; i++) {
            String caseNumber = fixture.contentDecided(account, "REMOVE", "INCOMPATIBLE_CONTENT", daysAgo(29), daysAgo(28));
            lastComplaint = fixture.uploaderComplaint(caseNumber, "UPHELD", daysAgo(20 - i), daysAgo(10 - i));
        }
        MisuseMeasure proposal = misuse.afterComplaintAnswered(lastComplaint).orElseThrow();
        ProcessInstance pi = instance(proposal);
        assertThat(pi).variables().containsEntry("partyKind", "COMPLAINANT");

        decide(pi, "modlead", Map.of("suspensionDecision", "DECLINE",
                "suspensionReasoning", "The complaints were arguable; the warning stands."));
        assertThat(pi).isEnded().hasPassed("Event_SuspensionDeclined").hasNotPassed("Task_ApplySuspension");
        MisuseMeasure declined = measures.decisionOn(proposal.id()).orElseThrow();
        assertThat(declined.measure()).isEqualTo(MeasureKind.SUSPENSION_DECLINED);
        assertThat(declined.suspendedUntil()).isNull();
        assertThat(standing.suspendedUntil("COMPLAINANT", MisuseParty.uploaderComplainantRef(account))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cr_message WHERE kind = 'SUSPENSION' AND account_id = ?")
                .param(account).query(Long.class).single()).isZero();
    }

    @Test
    void onlyTheWindowCountsAndTrustedFlaggersAnonymousNoticesAndReversalsAreNotManifest() {
        String notifier = MisuseFixture.unique("u");
        String last = null;
        // six unfounded notices in the window, and many before it
        for (int i = 0; i < 6; i++) {
            last = fixture.noticeDecided(GATEWAY, notifier, "NO_ACTION", daysAgo(20), daysAgo(10));
        }
        for (int i = 0; i < 5; i++) {
            fixture.noticeDecided(GATEWAY, notifier, "NO_ACTION", daysAgo(130), daysAgo(120));
        }
        // a decision reversed to NO_ACTION after action was taken is not manifestly unfounded
        String reversedCase = fixture.noticeDecided(GATEWAY, notifier, "REMOVE", daysAgo(20), daysAgo(15));
        fixture.decide(reversedCase, "REVERSAL", "NO_ACTION", null, daysAgo(5));
        // the same person's notices as a trusted flagger do not count
        String trusted = fixture.openCase(null, daysAgo(20));
        fixture.notice(trusted, GATEWAY, notifier, "SOURCE_TRUSTED_FLAGGER", daysAgo(20));
        fixture.decide(trusted, "REVIEW", "NO_ACTION", null, daysAgo(10));
        assertThat(misuse.afterDecision(last)).isEmpty();
        assertThat(measures.history(PartyKind.NOTIFIER, NotifierStanding.notifierParty(GATEWAY, notifier))).isEmpty();

        // the seventh in the window crosses: 7 of 8 (the reversed case counts as decided, not as unfounded)
        last = fixture.noticeDecided(GATEWAY, notifier, "NO_ACTION", daysAgo(3), daysAgo(1));
        assertThat(misuse.afterDecision(last)).singleElement()
                .satisfies(m -> assertThat(m.basis()).startsWith("7 of 8 notices"));
    }

    @Test
    void twoDecisionsCheckedAtOnceWarnOnce() throws Exception {
        String notifier = MisuseFixture.unique("u");
        String first = null;
        String second = null;
        for (int i = 0; i < 8; i++) {
            String caseNumber = fixture.noticeDecided(GATEWAY, notifier, "NO_ACTION", daysAgo(20), daysAgo(10));
            if (i == 6) {
                first = caseNumber;
            }
            second = caseNumber;
        }
        String caseA = first;
        String caseB = second;
        // A warns and holds its transaction open; B checks meanwhile, waits for A's lock, then finds A's warning
        java.util.concurrent.CountDownLatch warned = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> transactions.execute(status -> {
                List<MisuseMeasure> taken = misuse.afterDecision(caseA);
                warned.countDown();
                await(release);
                return taken;
            }));
            assertThat(warned.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var b = pool.submit(() -> transactions.execute(status -> misuse.afterDecision(caseB)));
            Thread.sleep(500); // B is blocked on A's lock
            assertThat(b.isDone()).as("B waits for A's lock on the party").isFalse();
            release.countDown();
            assertThat(a.get(30, java.util.concurrent.TimeUnit.SECONDS)).singleElement()
                    .extracting(MisuseMeasure::measure).isEqualTo(MeasureKind.WARNING);
            assertThat(b.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEmpty();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        assertThat(measures.history(PartyKind.NOTIFIER, NotifierStanding.notifierParty(GATEWAY, notifier)))
                .extracting(MisuseMeasure::measure).containsExactly(MeasureKind.WARNING);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cr_message WHERE kind = 'MISUSE_WARNING' AND notifier_ref = ?")
                .param(notifier).query(Long.class).single()).isOne();
    }

    private static void await(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- who may decide, and what ----------------------------------------------------------------------------------

    @Test
    void aLeadsInvalidOutputsAreRefusedAndChangeNothing() {
        ProcessInstance pi = proposedNotifierSuspension();
        String taskId = task(pi).getId();
        signIn("modlead", "moderation-leads");
        tasks.claim(taskId, "modlead");
        assertRefused(taskId, Map.of("suspensionDecision", "SUSPEND", "suspensionReasoning", REASONS), "suspensionDays");
        assertRefused(taskId, Map.of("suspensionDecision", "SUSPEND", "suspensionDays", 365L, "suspensionReasoning", REASONS), "suspensionDays");
        assertRefused(taskId, Map.of("suspensionDecision", "SUSPEND", "suspensionDays", 6L, "suspensionReasoning", REASONS), "suspensionDays");
        assertRefused(taskId, Map.of("suspensionDecision", "SUSPEND", "suspensionDays", 30L, "suspensionReasoning", "too short"), "suspensionReasoning");
        assertRefused(taskId, Map.of("suspensionDecision", "DECLINE"), "suspensionReasoning");
        assertRefused(taskId, Map.of("suspensionDecision", "BAN_FOREVER", "suspensionReasoning", REASONS), "suspensionDecision");
        // the engine's guard: only the task's own outputs, of their types
        assertRefused(taskId, Map.of("suspensionDecision", "SUSPEND", "suspensionDays", 30L, "suspensionReasoning", REASONS,
                "misuseMeasureId", 1L), "misuseMeasureId");
        assertRefused(taskId, Map.of("suspensionDecision", "SUSPEND", "suspensionDays", 30.5, "suspensionReasoning", REASONS), "suspensionDays");
        identity.clearAuthentication();
        assertThat(pi).isWaitingAt("Task_DecideSuspension");
        assertThat(measures.decisionOn(MisuseService.proposalId(pi.getBusinessKey()))).isEmpty();
    }

    @Test
    void aModeratorOrAnAdministratorCannotDecideASuspension() {
        ProcessInstance pi = proposedNotifierSuspension();
        String taskId = task(pi).getId();
        Map<String, Object> outputs = Map.of("suspensionDecision", "SUSPEND", "suspensionDays", 30L, "suspensionReasoning", REASONS);

        signIn("moderator", "content-moderators");
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("a moderator does not see the task").isZero();
        assertThatThrownBy(() -> tasks.claim(taskId, "moderator")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.complete(taskId, outputs)).isInstanceOf(AuthorizationException.class);
        identity.clearAuthentication();
        // assigned to the moderator (by an administrator), the engine lets them work on it: the listener refuses
        tasks.setAssignee(taskId, "moderator");
        signIn("moderator", "content-moderators");
        assertThatThrownBy(() -> tasks.complete(taskId, outputs))
                .satisfies(e -> assertThat(cause(e, NotACandidateException.class)).hasMessageContaining("moderation-leads"));
        signIn("admin", "camunda-admin");
        assertThatThrownBy(() -> tasks.complete(taskId, outputs))
                .satisfies(e -> assertThat(cause(e, NotACandidateException.class)).hasMessageContaining("admin"));
        identity.clearAuthentication();
        tasks.setAssignee(taskId, null);

        assertThat(pi).isWaitingAt("Task_DecideSuspension");
        assertThat(measures.decisionOn(MisuseService.proposalId(pi.getBusinessKey()))).isEmpty();
        decide(pi, "modlead", outputs);
        assertThat(measures.decisionOn(MisuseService.proposalId(pi.getBusinessKey()))).get()
                .extracting(MisuseMeasure::decidedBy).isEqualTo("modlead");
    }

    @Test
    void applyingASuspensionNeedsTheLeadsDecisionOnRecord() {
        ProcessInstance pi = proposedNotifierSuspension();
        long proposal = MisuseService.proposalId(pi.getBusinessKey());
        assertThatThrownBy(() -> misuse.applySuspension(proposal)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No suspension decided");
        decide(pi, "modlead", Map.of("suspensionDecision", "SUSPEND", "suspensionDays", 7L, "suspensionReasoning", REASONS));
        assertThatThrownBy(() -> misuse.decide(proposal, "modlead", "DECLINE", null, REASONS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("decided already");
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed("Event_Suspended");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** A notifier warned 10 days ago who crossed again: the misuse-review instance waiting for a lead. */
    ProcessInstance proposedNotifierSuspension() {
        String notifier = MisuseFixture.unique("u");
        String party = NotifierStanding.notifierParty(GATEWAY, notifier);
        long warning = measures.record(PartyKind.NOTIFIER, party, MeasureKind.WARNING, null, "earlier basis");
        fixture.backdate(warning, daysAgo(10));
        String last = null;
        for (int i = 0; i < 7; i++) {
            last = fixture.noticeDecided(GATEWAY, notifier, "NO_ACTION", daysAgo(9), daysAgo(2));
        }
        MisuseMeasure proposal = misuse.afterDecision(last).get(0);
        assertThat(proposal.measure()).isEqualTo(MeasureKind.SUSPENSION_PROPOSED);
        return instance(proposal);
    }

    ProcessInstance instance(MisuseMeasure proposal) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("misuse-review")
                .processInstanceBusinessKey(MisuseService.businessKey(proposal.id())).singleResult();
    }

    void signIn(String user, String... groups) {
        identity.setAuthentication(user, List.of(groups));
    }

    void decide(ProcessInstance pi, String lead, Map<String, Object> outputs) {
        assertThat(pi).isWaitingAt("Task_DecideSuspension");
        String taskId = task(pi).getId();
        signIn(lead, "moderation-leads");
        try {
            tasks.claim(taskId, lead);
            tasks.complete(taskId, new HashMap<>(outputs));
        } finally {
            identity.clearAuthentication();
        }
    }

    void assertRefused(String taskId, Map<String, Object> outputs, String output) {
        assertThatThrownBy(() -> tasks.complete(taskId, new HashMap<>(outputs)))
                .satisfies(e -> assertThat(cause(e, InvalidTaskInputException.class).variable()).isEqualTo(output));
    }

    /** The rule broken: thrown by the guard itself, or by the task listener (which the engine wraps). */
    static <T extends Throwable> T cause(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        throw new AssertionError("not caused by " + type.getSimpleName() + ": " + thrown, thrown);
    }

    JsonNode message(String kind, String notifierRef) throws Exception {
        String body = jdbc.sql("SELECT body FROM cr_message WHERE kind = ? AND gateway = ? AND notifier_ref = ? AND recipient = 'NOTIFIER'")
                .params(kind, GATEWAY, notifierRef).query(String.class).single();
        return json.readTree(body);
    }
}
