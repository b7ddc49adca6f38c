package com.disclosuredesk.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.io.IOException;
import java.io.InputStream;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.disclosuredesk.intake.Clarification;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.support.Orders;

import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Running orders move from legal-order 1.2 (the version before the sub-processes, kept in
 * src/test/resources/migration/) to the current version with the migration plan of docs/operations.md: one order
 * waiting at each user task and at each timer of 1.2 is migrated, then waits at the same task or timer (job due dates
 * unchanged), and migrated orders complete on the current version.
 */
class LegalOrderMigrationTest extends LegalOrderProcessTestSupport {

    /** Waiting activities of 1.2 that 1.3 moved into a new embedded sub-process: same ids, one instruction each. */
    static final List<String> MOVED_INTO_SUB_PROCESSES = List.of(
            "Task_VerifyRequester",                                                                  // SubProcess_RequesterVerification
            "Gateway_AwaitClarification", "Event_ClarificationReceived", "Event_ClarificationOverdue", // SubProcess_Clarification
            "Gateway_PreservationHold", "Event_PreservationExpired", "Event_PreservationExtended",     // SubProcess_PreservationHold
            "Task_AnalysisAfterDisclosure",                                                          // SubProcess_EmergencyReview
            "Gateway_AwaitNonDisclosureEnd", "Event_NonDisclosureEnded", "Event_NonDisclosureExtended"); // SubProcess_UserNotification

    private static final List<String> FORMS = List.of("start-legal-order.form", "verify-requester.form", "legal-analysis.form",
            "emergency-approval.form", "approval.form", "analysis-after-disclosure.form");

    /** The plan of docs/operations.md: equal activities, plus the activities that moved into new scopes. */
    static MigrationPlan plan(org.camunda.bpm.engine.RuntimeService runtime, String source, String target) {
        org.camunda.bpm.engine.migration.MigrationPlanBuilder builder = runtime.createMigrationPlan(source, target).mapEqualActivities();
        for (String activity : MOVED_INTO_SUB_PROCESSES) {
            builder = builder.mapActivities(activity, activity);
        }
        return builder.build();
    }

    @Test
    void ordersWaitingAtEveryTaskAndTimerOfTheVersionBeforeMoveToTheCurrentOneAndComplete() throws IOException {
        ProcessDefinition current = latest();
        assertThat(current.getVersionTag()).isEqualTo("1.3");
        String deployment = deployPrevious();
        try {
            ProcessDefinition previous = latest();
            assertThat(previous.getVersionTag()).isEqualTo("1.2");

            // one order at each user task and each timer of 1.2
            Map<String, ProcessInstance> orders = new LinkedHashMap<>();
            orders.put("verification", submit(Orders.emergency(Orders.valid(nextReference()))));
            orders.put("analysis", submit(Orders.valid(nextReference())));
            ProcessInstance copy = submit(Orders.valid(nextReference()));
            execute(job("Event_AnalysisOverdue", copy));
            orders.put("analysis and its copy", copy);
            ProcessInstance alone = submit(Orders.withNonDisclosureUntil(Orders.emergency(Orders.valid(nextReference())), null));
            verify(alone, "analyst", true);
            execute(job("Event_AnalysisOverdue", alone));
            orders.put("analysis and approval alone", alone);
            ProcessInstance approval = submit(Orders.valid(nextReference()));
            analyse(approval, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
            orders.put("approval", approval);
            ProcessInstance approvalCopy = submit(Orders.valid(nextReference()));
            analyse(approvalCopy, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
            execute(job("Event_ApprovalOverdue", approvalCopy));
            orders.put("approval and its copy", approvalCopy);
            ProcessInstance review = submit(Orders.withNonDisclosureUntil(Orders.emergency(Orders.valid(nextReference())), null));
            verify(review, "analyst", true);
            execute(job("Event_AnalysisOverdue", review));
            complete(task("Task_ApproveEmergencyAlone", review).getId(), "approver", Map.of("emergencyApproval", "APPROVE",
                    "approvedCategories", "[\"IP_ADDRESS\"]",
                    "approvalComment", "Danger to life: the threatened attack is planned for tomorrow morning."));
            execute(job(review));
            execute(job(review));
            orders.put("analysis after disclosure", review);
            orders.put("clarification", submit(Orders.withoutDigest(Orders.valid(nextReference()))));
            orders.put("preservation hold", submit(Orders.withType(Orders.valid(nextReference()), OrderType.PRESERVATION_REQUEST,
                    IssuerType.COURT)));
            ProcessInstance nonDisclosure = submit(Orders.valid(nextReference()));
            analyse(nonDisclosure, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
            approve(nonDisclosure, "approver", "APPROVE", null);
            execute(job(nonDisclosure));
            execute(job(nonDisclosure));
            orders.put("non-disclosure order", nonDisclosure);
            ProcessInstance disclosure = submit(Orders.valid(nextReference()));
            analyse(disclosure, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
            approve(disclosure, "approver", "APPROVE", null);
            orders.put("disclosure (asynchronous)", disclosure);

            Map<String, List<String>> waitingBefore = new LinkedHashMap<>();
            Map<String, Map<String, Date>> jobsBefore = new LinkedHashMap<>();
            for (var order : orders.entrySet()) {
                assertThat(order.getValue()).as(order.getKey()).isNotEnded();
                assertThat(definitionOf(order.getValue())).as(order.getKey()).isEqualTo(previous.getId());
                waitingBefore.put(order.getKey(), waitingAt(order.getValue()));
                jobsBefore.put(order.getKey(), jobs(order.getValue()));
            }
            assertThat(waitingBefore.values().stream().flatMap(List::stream)).contains("Task_VerifyRequester", "Task_LegalAnalysis",
                    "Task_LegalAnalysisCopy", "Task_ApproveEmergencyAlone", "Task_Approval", "Task_ApprovalCopy",
                    "Task_AnalysisAfterDisclosure", "Gateway_AwaitClarification", "Gateway_PreservationHold",
                    "Gateway_AwaitNonDisclosureEnd", "Task_DiscloseData");
            assertThat(jobsBefore.values().stream().flatMap(m -> m.keySet().stream())).contains("Event_AnalysisOverdue",
                    "Event_ApprovalOverdue", "Event_ClarificationOverdue", "Event_PreservationExpired", "Event_NonDisclosureEnded",
                    "Task_DiscloseData");

            MigrationPlan plan = plan(runtime, previous.getId(), current.getId());
            assertThat(plan.getInstructions()).extracting(MigrationInstruction::getSourceActivityId)
                    .contains("Task_LegalAnalysis", "Task_Approval", "Event_AnalysisOverdue", "Event_ApprovalOverdue",
                            "Task_DiscloseData", "Task_LogTransparency")
                    .containsAll(MOVED_INTO_SUB_PROCESSES)
                    .doesNotHaveDuplicates();
            assertThat(plan.getInstructions()).noneMatch(MigrationInstruction::isUpdateEventTrigger);
            runtime.newMigration(plan).processInstanceIds(orders.values().stream().map(ProcessInstance::getId).toList()).execute();

            for (var order : orders.entrySet()) {
                ProcessInstance pi = order.getValue();
                assertThat(definitionOf(pi)).as(order.getKey()).isEqualTo(current.getId());
                assertThat(pi).as(order.getKey()).isWaitingAt(waitingBefore.get(order.getKey()).toArray(String[]::new));
                assertThat(waitingAt(pi)).as(order.getKey()).containsExactlyElementsOf(waitingBefore.get(order.getKey()));
                assertThat(jobs(pi)).as(order.getKey() + ": the same jobs, due when they were").isEqualTo(jobsBefore.get(order.getKey()));
                assertThat(engine.getManagementService().createJobQuery().processInstanceId(pi.getId()).list())
                        .as(order.getKey()).allMatch(j -> current.getId().equals(j.getProcessDefinitionId()));
                assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).list())
                        .as(order.getKey()).allMatch(t -> current.getId().equals(t.getProcessDefinitionId()));
                // the withdrawal stays possible where it was
                assertThat(runtime.createEventSubscriptionQuery().processInstanceId(pi.getId())
                        .eventName(LegalOrderProcess.MESSAGE_ORDER_WITHDRAWN).count()).as(order.getKey()).isOne();
            }
            assertThat(orders.get("verification")).isWaitingAt("Task_VerifyRequester");
            assertThat(activityInstanceOf(orders.get("verification"), "SubProcess_RequesterVerification")).isTrue();
            assertThat(activityInstanceOf(orders.get("clarification"), "SubProcess_Clarification")).isTrue();
            assertThat(activityInstanceOf(orders.get("preservation hold"), "SubProcess_PreservationHold")).isTrue();
            assertThat(activityInstanceOf(orders.get("non-disclosure order"), "SubProcess_UserNotification")).isTrue();
            assertThat(activityInstanceOf(orders.get("analysis after disclosure"), "SubProcess_EmergencyReview")).isTrue();

            // and they carry on in the current version
            ProcessInstance verification = orders.get("verification");
            verify(verification, "analyst", true);
            assertThat(verification).isWaitingAt("Task_LegalAnalysis");

            ProcessInstance analysis = orders.get("analysis");
            analyse(analysis, "analyst", "DISCLOSE", "[\"IP_ADDRESS\"]");
            approve(analysis, "approver", "APPROVE", null);
            execute(job(analysis));
            execute(job(analysis));
            endNonDisclosure(analysis);
            assertThat(analysis).isEnded().hasPassed("Task_RecordUserNotification", "Event_OrderDisclosed");

            ProcessInstance clarification = orders.get("clarification");
            lifecycle.clarify(clarification.getBusinessKey(), "police-de", new Clarification("The signed order's digest.",
                    new Clarification.Corrections(null, null, null, null, null, null, null, null, null, null, null, null,
                            Orders.DOCUMENT_SHA256)));
            assertThat(clarification).hasPassed("Event_ClarificationReceived", "Event_Clarified").isWaitingAt("Task_LegalAnalysis");
            assertThat(history.createHistoricDecisionInstanceQuery().processInstanceId(clarification.getId())
                    .processDefinitionId(current.getId()).activityIdIn("Task_CheckValidity").count())
                    .as("checked again by the business rule task of the current version").isOne();

            ProcessInstance hold = orders.get("preservation hold");
            runtime.createMessageCorrelation(LegalOrderProcess.MESSAGE_PRESERVATION_EXTENDED)
                    .processInstanceBusinessKey(hold.getBusinessKey()).correlate();
            assertThat(hold).isWaitingAt("Gateway_PreservationHold");
            execute(job("Event_PreservationExpired", hold));
            execute(job(hold));
            assertThat(hold).isEnded().hasPassed("Task_DeletePreservedData", "Event_PreservationEnded");

            ProcessInstance notification = orders.get("non-disclosure order");
            execute(job("Event_NonDisclosureEnded", notification));
            assertThat(notification).isEnded().hasPassed("Task_RecordUserNotification", "Event_OrderDisclosed");

            ProcessInstance afterDisclosure = orders.get("analysis after disclosure");
            complete(task("Task_AnalysisAfterDisclosure", afterDisclosure).getId(), "analyst", Map.of("analysisDecision", "DISCLOSE",
                    "legalReasoning", reasoning()));
            assertThat(afterDisclosure).isEnded().hasPassed("Event_ReviewDone", "Event_OrderDisclosed");

            ProcessInstance escalated = orders.get("approval and its copy");
            complete(task("Task_ApprovalCopy", escalated).getId(), "approver", Map.of("approvalDecision", "APPROVE"));
            assertThat(escalated).hasPassed("Event_ApprovalCopyDone").isWaitingAt("Task_DiscloseData");
        } finally {
            // orders not migrated go with the test's deployment; the current version is the latest again
            engine.getRepositoryService().deleteDeployment(deployment, true, true);
            assertThat(latest().getId()).isEqualTo(current.getId());
        }
    }

    private ProcessDefinition latest() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(LegalOrderProcess.PROCESS_KEY)
                .latestVersion().singleResult();
    }

    /** legal-order 1.2 with the forms it names, as an administrator deploys a model: the latest version until deleted. */
    private String deployPrevious() throws IOException {
        var deployment = engine.getRepositoryService().createDeployment().name("legal-order 1.2 (migration test)");
        try (InputStream bpmn = getClass().getResourceAsStream("/migration/legal-order-1.2.bpmn")) {
            deployment.addString("legal-order.bpmn", new String(bpmn.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String form : FORMS) {
            deployment.addInputStream(form, getClass().getResourceAsStream("/" + form));
        }
        return deployment.deploy().getId();
    }

    private String definitionOf(ProcessInstance pi) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult().getProcessDefinitionId();
    }

    private List<String> waitingAt(ProcessInstance pi) {
        return runtime.getActiveActivityIds(pi.getId()).stream().sorted().toList();
    }

    /** The instance's jobs by activity (timers, asynchronous continuations) and their due dates. */
    private Map<String, Date> jobs(ProcessInstance pi) {
        var management = engine.getManagementService();
        Map<String, Date> jobs = new TreeMap<>();
        for (Job job : management.createJobQuery().processInstanceId(pi.getId()).list()) {
            String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                    .getActivityId();
            assertThat(jobs.containsKey(activity)).as("one job per activity: %s", activity).isFalse();
            jobs.put(activity, job.getDuedate());
        }
        return jobs;
    }

    private boolean activityInstanceOf(ProcessInstance pi, String activityId) {
        return runtime.getActivityInstance(pi.getId()).getActivityInstances(activityId).length == 1;
    }
}
