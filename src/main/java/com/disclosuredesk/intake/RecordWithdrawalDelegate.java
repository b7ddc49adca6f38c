package com.disclosuredesk.intake;

import com.disclosuredesk.disclosure.DisclosureRepository;
import com.disclosuredesk.preservation.PreservationService;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_RecordWithdrawal (in the withdrawal event sub-process). A withdrawal that arrives after
 * the data was disclosed is refused: the exception rolls the whole correlation back.
 */
@Component
public class RecordWithdrawalDelegate implements JavaDelegate {

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final DisclosureRepository disclosures;
    private final PreservationService preservations;

    public RecordWithdrawalDelegate(OrderRepository orders, OrderTimeline timeline, DisclosureRepository disclosures, PreservationService preservations) {
        this.orders = orders;
        this.timeline = timeline;
        this.disclosures = disclosures;
        this.preservations = preservations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        String trackingNumber = variables.trackingNumber();
        if (disclosures.findByOrder(trackingNumber).isPresent()) {
            throw new OrderStateConflictException(OrderStatus.DISCLOSED,
                    "Order " + trackingNumber + " was already disclosed and can no longer be withdrawn.");
        }
        if (preservations.find(trackingNumber).isPresent()) {
            preservations.deleteSnapshot(trackingNumber);
        }
        variables.markWithdrawn();
        orders.updateStatus(trackingNumber, OrderStatus.WITHDRAWN, "WITHDRAWN", null);
        timeline.record(trackingNumber, TimelineStep.WITHDRAWN, null, "The authority withdrew the order; open tasks were cancelled.");
    }
}
