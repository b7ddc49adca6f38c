package com.disclosuredesk.analysis;

import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.OrderDecisions;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.AnalysisDecision;
import com.disclosuredesk.process.LegalOrderVariables;
import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_LegalAnalysis (and the approvers' copy of an overdue one): status on creation; on completion the analysis is
 * checked, recorded in the order's decisions (decision, categories, the signed-in analyst) and copied into variables.
 */
@Component
public class LegalAnalysisTaskListener implements TaskListener {

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final RelatedOrders relatedOrders;
    private final OrderDecisions decisions;

    public LegalAnalysisTaskListener(OrderRepository orders, OrderTimeline timeline, RelatedOrders relatedOrders, OrderDecisions decisions) {
        this.orders = orders;
        this.timeline = timeline;
        this.relatedOrders = relatedOrders;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        LegalOrderVariables variables = LegalOrderVariables.of(task.getExecution());
        String trackingNumber = variables.trackingNumber();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                orders.updateStatus(trackingNumber, OrderStatus.IN_LEGAL_ANALYSIS, null, null);
                timeline.record(trackingNumber, TimelineStep.IN_LEGAL_ANALYSIS, null, "Waiting for legal analysis.");
                RelatedOrders.Found related = relatedOrders.find(trackingNumber);
                variables.setRelatedOrders(RelatedOrderLinks.entries(related.listed()), related.total());
            }
            case EVENTNAME_COMPLETE -> {
                String analyst = TaskActor.decider(task);
                orders.boundOrder(trackingNumber, task.getProcessInstanceId());
                Set<DataCategory> requested = orders.get(trackingNumber).dataCategories();
                AnalysisDecision decision = variables.analysisDecision();
                Set<DataCategory> approved = AnalysisRules.check(decision, variables.legalReasoning(),
                        variables.approvedCategories(), requested, analyst, variables.informationRequested());
                decisions.record(trackingNumber, OrderDecisions.Step.ANALYSIS, decision.name(), approved, analyst, task.getId(), null);
                variables.normalizeApprovedCategories(approved);
                variables.setAnalysedBy(analyst);
                timeline.record(trackingNumber, TimelineStep.ANALYSED, analyst, "Legal analysis decided " + variables.analysisDecision()
                        + (approved.isEmpty() ? "." : " of " + approved + "."));
            }
            default -> { }
        }
    }
}
