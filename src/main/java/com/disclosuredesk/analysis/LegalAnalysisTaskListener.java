package com.disclosuredesk.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import com.disclosuredesk.referral.Referrals;
import com.disclosuredesk.referral.RelatedCase;

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
    private final Referrals referrals;

    public LegalAnalysisTaskListener(OrderRepository orders, OrderTimeline timeline, RelatedOrders relatedOrders, OrderDecisions decisions,
                                     Referrals referrals) {
        this.referrals = referrals;
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
                // related items: other open orders of the authority, then content cases referred about a named account
                List<RelatedCase> cases = referrals.relatedToOrder(trackingNumber);
                List<Map<String, Object>> entries = new ArrayList<>(RelatedOrderLinks.entries(related.listed()));
                entries.addAll(RelatedOrderLinks.caseEntries(cases));
                variables.setRelatedOrders(entries, related.total() + cases.size());
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
