package com.disclosuredesk.notification;

import java.time.LocalDate;

import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_ExtendNonDisclosure, after the message NonDisclosureExtended (which carries the new date in
 * {@code nonDisclosureUntil}): moves the end of the non-disclosure order; the timer waits again.
 */
@Component
public class ExtendNonDisclosureDelegate implements JavaDelegate {

    private final OrderTimeline timeline;

    public ExtendNonDisclosureDelegate(OrderTimeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        LocalDate until = LocalDate.parse(variables.nonDisclosureUntil());
        variables.setNonDisclosureEndsAt(LegalOrderVariables.nonDisclosureEndsAt(until));
        timeline.record(variables.trackingNumber(), TimelineStep.NON_DISCLOSURE_EXTENDED, null,
                "The non-disclosure order was extended until " + until + "; users are not notified before.");
    }
}
