package com.disclosuredesk.intake;

import com.disclosuredesk.web.FieldProblem;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.AuthorityNotes;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.preservation.PreservationPolicy;
import com.disclosuredesk.preservation.PreservationService;
import com.disclosuredesk.preservation.PreservationStateException;
import com.disclosuredesk.process.LegalOrderProcess;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an authority can do with a running order: answer a clarification request, withdraw it, extend the hold of a
 * preservation order once, extend a non-disclosure order. Each checks first, stores what the authority wrote and
 * correlates the process's message in one transaction: a refusal anywhere (also by the process step the message
 * triggers) changes nothing.
 */
@Service
public class OrderLifecycleService {

    static final Set<OrderStatus> ENDED = Set.of(OrderStatus.DISCLOSED, OrderStatus.REJECTED, OrderStatus.WITHDRAWN);

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final AuthorityNotes notes;
    private final OrderIntakeService intake;
    private final RuntimeService runtime;
    private final PreservationService preservations;
    private final Clock clock;

    public OrderLifecycleService(OrderRepository orders, OrderTimeline timeline, AuthorityNotes notes, OrderIntakeService intake,
                                 RuntimeService runtime, PreservationService preservations, Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.notes = notes;
        this.intake = intake;
        this.runtime = runtime;
        this.preservations = preservations;
        this.clock = clock;
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
        notes.add(trackingNumber, "CLARIFICATION", author, clarification.text(),
                corrected.isEmpty() ? null : String.join(",", corrected));
        timeline.record(trackingNumber, TimelineStep.CLARIFICATION_RECEIVED, author, corrected.isEmpty()
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
            notes.add(trackingNumber, "WITHDRAWAL", author, reason, null);
        }
        try {
            runtime.createMessageCorrelation(LegalOrderProcess.MESSAGE_ORDER_WITHDRAWN)
                    .processInstanceBusinessKey(trackingNumber)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new OrderStateConflictException(status, "Order " + trackingNumber + " can no longer be withdrawn.");
        }
    }

    /**
     * The authority extends the hold of its preservation order, once. The process step that receives the message
     * ({@code PreservationExtended}) extends the hold in this transaction.
     *
     * @throws OrderStateConflictException if the order is not a preservation order, or no process waits for the
     *                                     message
     * @throws com.disclosuredesk.preservation.PreservationStateException if no hold is active, it was already
     *                                     extended, it ended or its snapshot was deleted
     */
    @Transactional
    public void extendPreservation(String trackingNumber, String author, String reason) {
        LegalOrder order = orders.get(trackingNumber);
        OrderStatus status = orders.status(trackingNumber).orElseThrow().status();
        if (!PreservationPolicy.isPreservation(order.orderType())) {
            throw new OrderStateConflictException(status, "Order " + trackingNumber + " is a " + order.orderType()
                    + ", not a preservation order: there is no hold to extend.");
        }
        preservations.requireExtendable(trackingNumber);
        if (reason != null && !reason.isBlank()) {
            notes.add(trackingNumber, "PRESERVATION_EXTENSION", author, reason, null);
        }
        timeline.record(trackingNumber, TimelineStep.PRESERVATION_EXTENSION_REQUESTED, author,
                "The authority asked to extend the preservation once.");
        try {
            runtime.createMessageCorrelation(LegalOrderProcess.MESSAGE_PRESERVATION_EXTENDED)
                    .processInstanceBusinessKey(trackingNumber)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new OrderStateConflictException(status, "The preservation of order " + trackingNumber
                    + " is not waiting for an extension (status " + status + ").");
        } catch (ProcessEngineException e) {
            throw refusalIn(e);
        }
    }

    /**
     * The authority extends its non-disclosure order: the user is not told of the order before the new date. The
     * date is stored on the order and handed to the process with the message ({@code NonDisclosureExtended}, process
     * variable {@code nonDisclosureUntil} as {@code yyyy-MM-dd}).
     *
     * @throws OrderInputException         if the date is not later than the current one or not in the future
     * @throws OrderStateConflictException if no process waits for the message (for example: the user was already
     *                                     notified)
     */
    @Transactional
    public void extendNonDisclosure(String trackingNumber, String author, LocalDate nonDisclosureUntil, String reason) {
        LegalOrder order = orders.get(trackingNumber);
        OrderStatus status = orders.status(trackingNumber).orElseThrow().status();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!nonDisclosureUntil.isAfter(today)) {
            throw new OrderInputException(List.of(new FieldProblem("nonDisclosureUntil", "must be in the future")));
        }
        if (order.nonDisclosureUntil() != null && !nonDisclosureUntil.isAfter(order.nonDisclosureUntil())) {
            throw new OrderInputException(List.of(new FieldProblem("nonDisclosureUntil",
                    "must be later than the order's current nonDisclosureUntil (" + order.nonDisclosureUntil() + ")")));
        }
        orders.updateNonDisclosureUntil(trackingNumber, nonDisclosureUntil);
        if (reason != null && !reason.isBlank()) {
            notes.add(trackingNumber, "NON_DISCLOSURE_EXTENSION", author, reason, null);
        }
        timeline.record(trackingNumber, TimelineStep.NON_DISCLOSURE_EXTENDED, author, "Non-disclosure extended until "
                + nonDisclosureUntil + ": the user is not notified before then.");
        try {
            runtime.createMessageCorrelation(LegalOrderProcess.MESSAGE_NON_DISCLOSURE_EXTENDED)
                    .processInstanceBusinessKey(trackingNumber)
                    .setVariable(LegalOrderVariables.NON_DISCLOSURE_UNTIL, nonDisclosureUntil.toString())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new OrderStateConflictException(status, "Order " + trackingNumber
                    + " is not waiting to notify the user (status " + status + "): its non-disclosure can no longer be extended.");
        } catch (ProcessEngineException e) {
            throw refusalIn(e);
        }
    }

    /**
     * A process step refused the message (an expression wraps what it throws): the refusal, for the API to answer
     * 409; anything else as it is.
     */
    private static RuntimeException refusalIn(ProcessEngineException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof PreservationStateException || cause instanceof OrderStateConflictException) {
                return (RuntimeException) cause;
            }
        }
        return e;
    }
}
