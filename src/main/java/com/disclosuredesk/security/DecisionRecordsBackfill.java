package com.disclosuredesk.security;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.disclosuredesk.order.OrderDecisions;
import com.disclosuredesk.order.OrderDecisions.Step;
import com.disclosuredesk.process.LegalOrderProcess;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders that were in flight when this version was installed were analysed (and perhaps approved) before decisions
 * were recorded in {@code dd_order_decision}. For each running legal order with no decision on record, this records,
 * once, at start-up, its latest completed analysis and, when the approval after it approved, that approval, from what
 * the earlier version wrote (its variables, which that version took from the signed-in user, and the engine's history
 * of the tasks). Orders started by this version always have their records: for them it does nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DecisionRecordsBackfill implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionRecordsBackfill.class);

    static final Set<String> ANALYSES = Set.of(LegalOrderProcess.TASK_LEGAL_ANALYSIS, LegalOrderProcess.TASK_LEGAL_ANALYSIS_COPY);
    static final Set<String> APPROVALS = Set.of(LegalOrderProcess.TASK_APPROVAL, LegalOrderProcess.TASK_APPROVAL_COPY);
    /** The tasks after which an order has a decision to record (an approval follows an analysis). */
    static final Set<String> DECIDING_TASKS = Set.of(LegalOrderProcess.TASK_LEGAL_ANALYSIS, LegalOrderProcess.TASK_LEGAL_ANALYSIS_COPY,
            LegalOrderProcess.TASK_APPROVE_EMERGENCY_ALONE);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final OrderDecisions decisions;

    public DecisionRecordsBackfill(RuntimeService runtime, HistoryService history, OrderDecisions decisions) {
        this.runtime = runtime;
        this.history = history;
        this.decisions = decisions;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        // Only running orders that can lack a record: a completed analysis or emergency approval in the engine's history
        // and no decision on record. A few queries in all, however many orders are open: reading every running order
        // (its decisions, its tasks, its variables) took 10 s at a start with 5,000 open orders (issue 18).
        List<String> analysed = history.createHistoricTaskInstanceQuery().processDefinitionKey(LegalOrderProcess.PROCESS_KEY)
                .taskDefinitionKeyIn(DECIDING_TASKS.toArray(String[]::new)).finished().processUnfinished().list().stream()
                .map(HistoricTaskInstance::getProcessInstanceId).distinct().toList();
        int recorded = 0;
        for (int from = 0; from < analysed.size(); from += 500) {
            List<ProcessInstance> instances = runtime.createProcessInstanceQuery()
                    .processInstanceIds(Set.copyOf(analysed.subList(from, Math.min(analysed.size(), from + 500)))).list();
            Set<String> withRecords = decisions.withRecords(instances.stream().map(ProcessInstance::getBusinessKey)
                    .filter(java.util.Objects::nonNull).toList());
            for (ProcessInstance instance : instances) {
                String trackingNumber = instance.getBusinessKey();
                if (trackingNumber != null && !withRecords.contains(trackingNumber)) {
                    recorded += backfill(instance, trackingNumber);
                }
            }
        }
        if (recorded > 0) {
            LOG.info("Recorded {} decisions of orders that were in flight before decisions were recorded", recorded);
        }
    }

    /** Records the order's latest analysis and the approval of it, if any; answers how many decisions it recorded. */
    int backfill(ProcessInstance instance, String trackingNumber) {
        List<HistoricTaskInstance> completed = history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .finished().list().stream().filter(t -> "completed".equals(t.getDeleteReason()))
                .sorted(Comparator.comparing(HistoricTaskInstance::getEndTime)).toList();
        Optional<HistoricTaskInstance> analysisTask = last(completed, ANALYSES);
        int recorded = 0;
        var values = runtime.getVariables(instance.getId());
        if (analysisTask.isPresent() && values.get(LegalOrderVariables.ANALYSED_BY) != null
                && values.get(LegalOrderVariables.ANALYSIS_DECISION) != null) {
            var analysis = decisions.record(trackingNumber, Step.ANALYSIS, String.valueOf(values.get(LegalOrderVariables.ANALYSIS_DECISION)),
                    categories(values.get(LegalOrderVariables.APPROVED_CATEGORIES)), String.valueOf(values.get(LegalOrderVariables.ANALYSED_BY)),
                    analysisTask.get().getId(), null);
            recorded++;
            Optional<HistoricTaskInstance> approvalTask = last(completed, APPROVALS)
                    .filter(t -> t.getEndTime().after(analysisTask.get().getEndTime()));
            if (approvalTask.isPresent() && "APPROVE".equals(String.valueOf(values.get(LegalOrderVariables.APPROVAL_DECISION)))
                    && values.get(LegalOrderVariables.APPROVED_BY) != null) {
                decisions.record(trackingNumber, Step.APPROVAL, "APPROVE", analysis.categories(),
                        String.valueOf(values.get(LegalOrderVariables.APPROVED_BY)), approvalTask.get().getId(), analysis.id());
                recorded++;
            }
        }
        Optional<HistoricTaskInstance> aloneTask = last(completed, Set.of(LegalOrderProcess.TASK_APPROVE_EMERGENCY_ALONE));
        if (aloneTask.isPresent() && Boolean.TRUE.equals(values.get(LegalOrderVariables.EMERGENCY_APPROVED_ALONE))
                && values.get(LegalOrderVariables.APPROVED_BY) != null) {
            decisions.record(trackingNumber, Step.EMERGENCY_APPROVAL, "APPROVE", categories(values.get(LegalOrderVariables.APPROVED_CATEGORIES)),
                    String.valueOf(values.get(LegalOrderVariables.APPROVED_BY)), aloneTask.get().getId(), null);
            recorded++;
        }
        return recorded;
    }

    private static Optional<HistoricTaskInstance> last(List<HistoricTaskInstance> tasks, Set<String> keys) {
        return tasks.stream().filter(t -> keys.contains(t.getTaskDefinitionKey())).reduce((a, b) -> b);
    }

    private static Set<com.disclosuredesk.order.DataCategory> categories(Object value) {
        try {
            return LegalOrderVariables.categoriesOf(value);
        } catch (RuntimeException e) {
            return Set.of();
        }
    }
}
