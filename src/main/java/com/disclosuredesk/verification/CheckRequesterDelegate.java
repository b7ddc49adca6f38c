package com.disclosuredesk.verification;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task Task_CheckRequester: looks the requesting authority up in the registry of known authorities. A
 * registered authority writing from its official domain is recognized and counts as verified, unless the order is
 * an emergency: emergencies are always called back, because hijacked police accounts are real accounts.
 */
@Component
public class CheckRequesterDelegate implements JavaDelegate {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private final AuthorityRegistry registry;
    private final OrderRepository orders;
    private final OrderTimeline timeline;

    public CheckRequesterDelegate(AuthorityRegistry registry, OrderRepository orders, OrderTimeline timeline) {
        this.registry = registry;
        this.orders = orders;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        LegalOrder order = orders.get(variables.trackingNumber());
        LegalOrder.Authority authority = order.authority();
        RequesterCheck check = registry.check(authority.country(), authority.name(), authority.contactEmail());
        String known = check.knownAuthority().map(CheckRequesterDelegate::describe).orElse(null);
        String contact = check.knownAuthority().map(KnownAuthority::knownContact).orElse(null);
        variables.setRequesterCheck(known, contact, check.warning());
        if (check.recognized() && !variables.emergency()) {
            variables.setVerification(true, "Recognized from the registry of known authorities: " + known + ".", "registry");
            timeline.record(order.trackingNumber(), TimelineStep.REQUESTER_RECOGNIZED, null,
                    "The requesting authority is registered and wrote from its official domain.");
        } else {
            timeline.record(order.trackingNumber(), TimelineStep.REQUESTER_CHECKED, null, check.warning() != null ? check.warning()
                    : "Registered authority; a call-back through the known contact is required"
                      + (variables.emergency() ? " for every emergency request." : "."));
        }
    }

    static String describe(KnownAuthority authority) {
        return authority.name() + " (" + authority.country() + "), official domain " + authority.contactDomain()
                + ", verified by " + authority.verifiedBy() + " on " + DAY.format(authority.verifiedAt());
    }
}
