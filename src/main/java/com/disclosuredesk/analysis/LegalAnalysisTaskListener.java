package com.disclosuredesk.analysis;

import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.LegalOrderVariables;
import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_LegalAnalysis: status on creation; on completion, the analysis is checked and attributed. */
@Component
public class LegalAnalysisTaskListener implements TaskListener {

    private final OrderRepository orders;
    private final RelatedOrders relatedOrders;

    public LegalAnalysisTaskListener(OrderRepository orders, RelatedOrders relatedOrders) {
        this.orders = orders;
        this.relatedOrders = relatedOrders;
    }

    @Override
    public void notify(DelegateTask task) {
        LegalOrderVariables variables = LegalOrderVariables.of(task.getExecution());
        String trackingNumber = variables.trackingNumber();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                orders.updateStatus(trackingNumber, OrderStatus.IN_LEGAL_ANALYSIS, null, null);
                orders.addEvent(trackingNumber, "IN_LEGAL_ANALYSIS", null, "Waiting for legal analysis.");
                RelatedOrders.Found related = relatedOrders.find(trackingNumber);
                variables.setRelatedOrders(RelatedOrderLinks.entries(related.listed()), related.total());
            }
            case EVENTNAME_COMPLETE -> {
                String analyst = TaskActor.of(task);
                Set<DataCategory> requested = orders.get(trackingNumber).dataCategories();
                Set<DataCategory> approved = AnalysisRules.check(variables.analysisDecision(), variables.legalReasoning(),
                        variables.approvedCategories(), requested, analyst, variables.informationRequested());
                variables.normalizeApprovedCategories(approved);
                variables.setAnalysedBy(analyst);
                orders.addEvent(trackingNumber, "ANALYSED", analyst, "Legal analysis decided " + variables.analysisDecision()
                        + (approved.isEmpty() ? "." : " of " + approved + "."));
            }
            default -> { }
        }
    }
}
