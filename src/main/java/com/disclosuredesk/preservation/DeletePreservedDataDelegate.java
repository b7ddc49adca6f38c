package com.disclosuredesk.preservation;

import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_DeletePreservedData: the hold expired; the snapshot is deleted, its record and digest stay. */
@Component
public class DeletePreservedDataDelegate implements JavaDelegate {

    private final PreservationService preservations;
    private final OrderRepository orders;

    public DeletePreservedDataDelegate(PreservationService preservations, OrderRepository orders) {
        this.preservations = preservations;
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        preservations.deleteSnapshot(variables.trackingNumber());
        variables.markPreservationEnded();
        orders.addEvent(variables.trackingNumber(), "PRESERVATION_ENDED", null, "The preservation hold expired; the preserved data was deleted.");
    }
}
