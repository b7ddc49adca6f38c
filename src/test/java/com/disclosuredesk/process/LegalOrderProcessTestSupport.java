package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.disclosuredesk.intake.Clarification;
import com.disclosuredesk.intake.OrderIntakeService;
import com.disclosuredesk.intake.OrderLifecycleService;
import com.disclosuredesk.intake.OrderStateConflictException;
import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.disclosure.DisclosureRepository;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.preservation.PreservationService;
import com.disclosuredesk.verification.AuthorityRegistry;
import com.disclosuredesk.order.AuthorityNotes;
import com.disclosuredesk.order.OrderOutbox;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.Orders;
import com.disclosuredesk.transparency.TransparencyLedger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.test.context.ActiveProfiles;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInfo;

/**
 * The shared fixture of the legal-order process tests, one class per stage: {@link LegalOrderIntakeValidityTest},
 * {@link LegalOrderVerificationClarificationTest}, {@link LegalOrderAnalysisApprovalTest},
 * {@link LegalOrderDisclosurePreservationTest}, {@link LegalOrderNotificationLoggingTest}. They drive the real BPMN with
 * camunda-bpm-assert in one Spring context; the job executor is off: the tests execute each asynchronous step and each
 * timer themselves. Process test coverage writes one report per class under target/process-test-coverage/; as each
 * class covers its stage only, the whole model is checked once all stage classes have run: every flow node of
 * legal-order (top level and sub-processes) has been passed by some instance.
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles({"demo", "test"})
@Import({ProcessEngineCoverageConfiguration.class, LegalOrderProcessTestSupport.Coverage.class})
abstract class LegalOrderProcessTestSupport {

    /** Coverage reports per class, no threshold per class (see {@link #everyFlowNodeIsCoveredOnceEveryStageHasRun}). */
    @TestConfiguration
    static class Coverage {
        @Bean
        ProcessEngineCoverageProperties processEngineCoverageProperties() {
            return ProcessEngineCoverageProperties.Companion.builder().build();
        }
    }

    static final Set<String> STAGES = Set.of(LegalOrderIntakeValidityTest.class.getName(),
            LegalOrderVerificationClarificationTest.class.getName(), LegalOrderAnalysisApprovalTest.class.getName(),
            LegalOrderDisclosurePreservationTest.class.getName(), LegalOrderNotificationLoggingTest.class.getName());
    private static final Set<String> stagesRun = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static volatile ProcessEngine sharedEngine;
    static int references;

    @Autowired ProcessEngine engine;
    @Autowired OrderIntakeService intake;
    @Autowired OrderLifecycleService lifecycle;
    @Autowired OrderRepository orders;
    @Autowired OrderTimeline timeline;
    @Autowired OrderOutbox outbox;
    @Autowired AuthorityNotes notes;
    @Autowired TransparencyLedger ledger;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired HistoryService history;
    @Autowired AuthorityRegistry registry;
    @Autowired PreservationService preservations;
    @Autowired DisclosureRepository disclosures;
    @Autowired com.disclosuredesk.order.OrderDecisions decisions;
    @Autowired com.disclosuredesk.security.DecisionRecordsBackfill backfill;
    @Autowired javax.sql.DataSource dataSource;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        sharedEngine = engine;
    }

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    /** Once every stage class has run (a full run, not -Dtest=OneClass): each flow node of legal-order was passed. */
    @AfterAll
    static void everyFlowNodeIsCoveredOnceEveryStageHasRun(TestInfo stage) {
        stage.getTestClass().map(Class::getName).filter(STAGES::contains).ifPresent(stagesRun::add);
        if (!stagesRun.containsAll(STAGES) || sharedEngine == null) {
            return;
        }
        var definition = sharedEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(LegalOrderProcess.PROCESS_KEY).latestVersion().singleResult();
        Set<String> nodes = new HashSet<>();
        sharedEngine.getRepositoryService().getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
                .forEach(node -> nodes.add(node.getId()));
        Set<String> passed = new HashSet<>();
        sharedEngine.getHistoryService().createHistoricActivityInstanceQuery().processDefinitionId(definition.getId())
                .list().stream().map(HistoricActivityInstance::getActivityId).forEach(passed::add);
        assertThat(passed).as("flow nodes of legal-order passed by the stage tests").containsAll(nodes);
        org.slf4j.LoggerFactory.getLogger(LegalOrderProcessTestSupport.class)
                .info("legal-order {}: all {} flow nodes passed by the stage tests", definition.getVersionTag(), nodes.size());
    }

    void verify(ProcessInstance pi, String analyst, boolean verified) {
        assertThat(pi).isWaitingAt("Task_VerifyRequester");
        complete(task("Task_VerifyRequester", pi).getId(), analyst, Map.of("requesterVerified", String.valueOf(verified),
                "verificationNote", verificationNote()));
    }

    static String verificationNote() {
        return "Called the duty officer through the switchboard number of the official directory; order confirmed.";
    }

    /** Completes a task as that user, in the groups a user of that name has. */
    void complete(String taskId, String user, Map<String, Object> variables) {
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList());
        try {
            tasks.claim(taskId, user);
            tasks.complete(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    static java.util.Date plus(java.util.Date date, Duration duration) {
        return java.util.Date.from(date.toInstant().plus(duration));
    }

    void endNonDisclosure(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("Gateway_AwaitNonDisclosureEnd");
        execute(job("Event_NonDisclosureEnded", pi));
    }

    ProcessInstance submit(OrderSubmission submission) {
        String trackingNumber = intake.submit(submission, "police-de").trackingNumber();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult();
        assertThat(job(pi)).isNotNull();
        assertThat(pi).hasPassed("Task_RegisterOrder").hasNotPassed("Task_CheckValidity");
        execute(job(pi));
        return pi;
    }

    void analyse(ProcessInstance pi, String analyst, String decision, String categories) {
        assertThat(pi).isWaitingAt("Task_LegalAnalysis");
        identity.setAuthentication(analyst, List.of("legal-analysts", "legal-approvers"));
        tasks.claim(task(pi).getId(), analyst);
        Map<String, Object> variables = new HashMap<>();
        variables.put("analysisDecision", decision);
        variables.put("legalReasoning", reasoning());
        if (categories != null) {
            variables.put("approvedCategories", categories);
        }
        tasks.complete(task(pi).getId(), variables);
        identity.clearAuthentication();
    }

    void approve(ProcessInstance pi, String approver, String decision, String comment) {
        assertThat(pi).isWaitingAt("Task_Approval");
        identity.setAuthentication(approver, List.of("legal-approvers"));
        tasks.claim(task(pi).getId(), approver);
        Map<String, Object> variables = new HashMap<>();
        variables.put("approvalDecision", decision);
        variables.put("approvalComment", comment);
        tasks.complete(task(pi).getId(), variables);
        identity.clearAuthentication();
    }

    static String reasoning() {
        return "Court order of a competent court; suspect named; offence violates the Terms of Service.";
    }

    static synchronized String nextReference() {
        return "PT-" + System.nanoTime() + "-" + (++references);
    }

    void ensureUserInBothGroups(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword(id + "-secret");
            identity.saveUser(user);
            identity.createMembership(id, "legal-analysts");
            identity.createMembership(id, "legal-approvers");
        }
    }

    static Map<String, Object> startForm(String reference) {
        Map<String, Object> form = new HashMap<>();
        form.put("orderReference", reference);
        form.put("orderType", "COURT_ORDER");
        form.put("authorityName", "Tribunal judiciaire de Paris");
        form.put("authorityCountry", "fr");
        form.put("authorityContactEmail", "cyber@tj-paris.example");
        form.put("issuerType", "INVESTIGATING_JUDGE");
        form.put("issuerName", "Juge d'instruction, pôle cyber");
        form.put("issuedOn", java.time.LocalDate.now().minusDays(1).toString());
        form.put("validUntil", java.time.LocalDate.now().plusDays(60).toString());
        form.put("offence", "CYBERCRIME");
        form.put("suspectConfirmed", true);
        form.put("emergency", false);
        form.put("targetList", "@demo0003\n+49 151 1234-5678\n");
        form.put("dataCategories", "[\"IP_ADDRESS\",\"PHONE_NUMBER\"]");
        form.put("periodFrom", java.time.LocalDate.now().minusDays(30).toString());
        form.put("periodTo", java.time.LocalDate.now().toString());
        form.put("documentSha256", Orders.DOCUMENT_SHA256);
        return form;
    }
}
