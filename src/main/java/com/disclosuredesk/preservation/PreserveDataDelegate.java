package com.disclosuredesk.preservation;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_PreserveData: freezes the targets' data; nothing is disclosed. Only the digest and dates become variables. */
@Component
public class PreserveDataDelegate implements JavaDelegate {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final PreservationService preservations;
    private final OrderRepository orders;
    private final OrderTimeline timeline;

    public PreserveDataDelegate(PreservationService preservations, OrderRepository orders, OrderTimeline timeline) {
        this.preservations = preservations;
        this.orders = orders;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        String trackingNumber = variables.trackingNumber();
        PreservationRecord record = preservations.preserve(trackingNumber);
        variables.setPreservation(Date.from(record.heldUntil()), record.sha256(), record.extended());
        orders.updateStatus(trackingNumber, OrderStatus.PRESERVED, null, "Held until " + DAY.format(record.heldUntil()) + ".");
        timeline.record(trackingNumber, TimelineStep.PRESERVED, null, "Data of " + record.accountsFound() + " of " + record.targetCount()
                + " targets preserved until " + DAY.format(record.heldUntil()) + ", SHA-256 " + record.sha256() + ".");
    }
}
