package com.disclosuredesk.preservation;

import java.util.Date;

import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_ExtendPreservation, after the message PreservationExtended: extends the hold once. A second
 * extension is refused by the service; the exception rolls the correlation back and the API answers 409.
 */
@Component
public class ExtendPreservationDelegate implements JavaDelegate {

    private final PreservationService preservations;
    private final OrderTimeline timeline;

    public ExtendPreservationDelegate(PreservationService preservations, OrderTimeline timeline) {
        this.preservations = preservations;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        PreservationRecord record = preservations.extend(variables.trackingNumber());
        variables.setPreservation(Date.from(record.heldUntil()), record.sha256(), record.extended());
        timeline.record(variables.trackingNumber(), TimelineStep.PRESERVATION_EXTENDED, null,
                "The preservation hold was extended until " + PreserveDataDelegate.DAY.format(record.heldUntil()) + ".");
    }
}
