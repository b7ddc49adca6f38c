package com.disclosuredesk.intake;

import java.time.Clock;
import java.util.Date;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.DeadlinePolicy;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Service task Task_RegisterOrder. An order submitted over the API is already stored: it is acknowledged.
 * An order entered with the Tasklist start form (or started over the engine REST API) is validated and
 * stored here; its tracking number becomes the business key, and the raw target list is removed.
 */
@Component
public class RegisterOrderDelegate implements JavaDelegate {

    private final OrderIntakeService intake;
    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final DeadlinePolicy deadlines;
    private final Clock clock;

    public RegisterOrderDelegate(OrderIntakeService intake, OrderRepository orders, OrderTimeline timeline, DeadlinePolicy deadlines,
                                 Clock clock) {
        this.intake = intake;
        this.orders = orders;
        this.timeline = timeline;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        LegalOrder order;
        // An order submitted over the API is started by the application with its tracking number as business key, in
        // the transaction that stored it: the order is bound to this instance here, once. People cannot start
        // legal-order with a business key (EngineCommandGuard); without one, this is a paper order of the start form.
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey == null || businessKey.isBlank()) {
            OrderSubmission submission = StartFormOrderMapper.toSubmission(execution.getVariables());
            variables.removePersonalInput();
            order = intake.registerStarted(submission, startingUser(execution), execution.getProcessInstanceId());
            execution.setProcessBusinessKey(order.trackingNumber());
        } else {
            order = orders.get(orders.bind(businessKey, execution.getProcessInstanceId()));
        }
        Date now = Date.from(clock.instant());
        Date answerDueAt = deadlines.answerDueAt(order, now);
        variables.putOrderFacts(order, answerDueAt, deadlines.priority(order));
        variables.setEscalation(deadlines.escalationAt(order, answerDueAt, now), deadlines.escalatedPriority(order));
        timeline.record(order.trackingNumber(), TimelineStep.ACKNOWLEDGED, null, "Order registered; the validity check follows.");
    }

    private static String startingUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? "engine" : authentication.getUserId();
    }
}
