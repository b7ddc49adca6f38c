package com.disclosuredesk.intake;

import java.util.List;
import java.util.Set;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.LegalOrderProcess;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an authority can do with a running order: answer a clarification request, withdraw it. Each stores
 * what the authority wrote and correlates the process's message in one transaction.
 */
@Service
public class OrderLifecycleService {

    static final Set<OrderStatus> ENDED = Set.of(OrderStatus.DISCLOSED, OrderStatus.REJECTED, OrderStatus.WITHDRAWN);

    private final OrderRepository orders;
    private final OrderIntakeService intake;
    private final RuntimeService runtime;

    public OrderLifecycleService(OrderRepository orders, OrderIntakeService intake, RuntimeService runtime) {
        this.orders = orders;
        this.intake = intake;
        this.runtime = runtime;
    }

    @Transactional
    public void clarify(String trackingNumber, String author, Clarification clarification) {
        LegalOrder order = orders.get(trackingNumber);
        OrderStatus status = orders.status(trackingNumber).orElseThrow().status();
        if (status != OrderStatus.NEEDS_CLARIFICATION) {
            throw new OrderStateConflictException(status, "Order " + trackingNumber
                    + " is not waiting for a clarification (status " + status + ").");
        }
        List<String> corrected = List.of();
        if (clarification.corrections() != null) {
            corrected = clarification.corrections().fieldNames();
            OrderSubmission merged = clarification.corrections().applyTo(SubmissionMapping.toSubmission(order));
            intake.validate(merged);
            orders.applyCorrection(intake.toOrder(merged, trackingNumber, order.submittedBy(), order.channel()));
        }
        orders.addNote(trackingNumber, "CLARIFICATION", author, clarification.text(),
                corrected.isEmpty() ? null : String.join(",", corrected));
        orders.addEvent(trackingNumber, "CLARIFICATION_RECEIVED", author, corrected.isEmpty()
                ? "Clarification received." : "Clarification received, correcting " + String.join(", ", corrected) + ".");
        try {
            runtime.createMessageCorrelation(LegalOrderProcess.MESSAGE_CLARIFICATION_RECEIVED)
                    .processInstanceBusinessKey(trackingNumber)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new OrderStateConflictException(status, "Order " + trackingNumber + " is not waiting for a clarification.");
        }
    }

    @Transactional
    public void withdraw(String trackingNumber, String author, String reason) {
        OrderStatus status = orders.status(trackingNumber).orElseThrow().status();
        if (ENDED.contains(status)) {
            throw new OrderStateConflictException(status, "Order " + trackingNumber + " has ended (" + status
                    + ") and can no longer be withdrawn.");
        }
        if (reason != null && !reason.isBlank()) {
            orders.addNote(trackingNumber, "WITHDRAWAL", author, reason, null);
        }
        try {
            runtime.createMessageCorrelation(LegalOrderProcess.MESSAGE_ORDER_WITHDRAWN)
                    .processInstanceBusinessKey(trackingNumber)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new OrderStateConflictException(status, "Order " + trackingNumber + " can no longer be withdrawn.");
        }
    }
}
