package com.disclosuredesk.verification;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderDecisions;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.InvalidTaskInputException;
import com.disclosuredesk.process.LegalOrderVariables;
import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_VerifyRequester: status NEEDS_VERIFICATION on creation; on completion the call-back's result is checked and
 * attributed, and a verified authority may be added to the registry of known authorities.
 */
@Component
public class VerifyRequesterTaskListener implements TaskListener {

    public static final int MIN_NOTE_LENGTH = 20;

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final AuthorityRegistry registry;
    private final OrderDecisions decisions;

    public VerifyRequesterTaskListener(OrderRepository orders, OrderTimeline timeline, AuthorityRegistry registry, OrderDecisions decisions) {
        this.orders = orders;
        this.timeline = timeline;
        this.registry = registry;
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        LegalOrderVariables variables = LegalOrderVariables.of(task.getExecution());
        String trackingNumber = variables.trackingNumber();
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                orders.updateStatus(trackingNumber, OrderStatus.NEEDS_VERIFICATION, null, null);
                timeline.record(trackingNumber, TimelineStep.NEEDS_VERIFICATION, null,
                        "Waiting for the requester to be verified by a call-back through a known channel.");
            }
            case EVENTNAME_COMPLETE -> {
                String analyst = TaskActor.decider(task);
                orders.boundOrder(trackingNumber, task.getProcessInstanceId());
                Boolean verified = variables.requesterVerified();
                String note = variables.verificationNote();
                check(verified, note);
                decisions.record(trackingNumber, OrderDecisions.Step.VERIFICATION, verified ? "VERIFIED" : "NOT_VERIFIED", null,
                        analyst, task.getId(), null);
                variables.setVerification(verified, note.strip(), analyst);
                if (verified && variables.registerAuthority()) {
                    LegalOrder.Authority authority = orders.get(trackingNumber).authority();
                    registry.register(authority.country(), authority.name(), required(variables.registerContactDomain(),
                            LegalOrderVariables.REGISTER_CONTACT_DOMAIN), required(variables.registerKnownContact(),
                            LegalOrderVariables.REGISTER_KNOWN_CONTACT), analyst);
                }
                timeline.record(trackingNumber, verified ? TimelineStep.REQUESTER_VERIFIED : TimelineStep.REQUESTER_NOT_VERIFIED, analyst,
                        verified ? "The requester was verified by a call-back." : "The requester could not be verified.");
            }
            default -> { }
        }
    }

    static void check(Boolean verified, String note) {
        if (verified == null) {
            throw new InvalidTaskInputException(LegalOrderVariables.REQUESTER_VERIFIED, "is required: true or false");
        }
        if (note == null || note.strip().length() < MIN_NOTE_LENGTH) {
            throw new InvalidTaskInputException(LegalOrderVariables.VERIFICATION_NOTE,
                    "must say in at least " + MIN_NOTE_LENGTH + " characters whom you called, through which known channel, and what they confirmed");
        }
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new InvalidTaskInputException(name, "is required to register the authority");
        }
        return value.strip();
    }
}
