package com.disclosuredesk.preservation;

import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_DeletePreservedData: the hold expired; the snapshot is deleted, its record and digest stay. */
@Component
public class DeletePreservedDataDelegate implements JavaDelegate {

    private final PreservationService preservations;
    private final OrderTimeline timeline;

    public DeletePreservedDataDelegate(PreservationService preservations, OrderTimeline timeline) {
        this.preservations = preservations;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        preservations.deleteSnapshot(variables.trackingNumber());
        variables.markPreservationEnded();
        timeline.record(variables.trackingNumber(), TimelineStep.PRESERVATION_ENDED, null, "The preservation hold expired; the preserved data was deleted.");
    }
}
