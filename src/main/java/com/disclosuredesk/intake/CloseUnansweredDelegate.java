package com.disclosuredesk.intake;

import java.util.List;

import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_CloseUnanswered: no clarification arrived in time; the order is closed as invalid. */
@Component
public class CloseUnansweredDelegate implements JavaDelegate {

    static final String REASON = "No clarification was received in time; the order is closed as invalid.";

    private final OrderTimeline timeline;

    public CloseUnansweredDelegate(OrderTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        variables.setValidity("INVALID", List.of(REASON));
        timeline.record(variables.trackingNumber(), TimelineStep.CLARIFICATION_OVERDUE, null, REASON);
    }
}
