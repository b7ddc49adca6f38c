package com.disclosuredesk.intake;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.disclosuredesk.order.AuthorityNote;
import com.disclosuredesk.order.AuthorityNotes;
import com.disclosuredesk.order.OrderOutbox;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OutboxMessage;
import com.disclosuredesk.order.TimelineEvent;
import com.disclosuredesk.preservation.PreservationService;
import com.disclosuredesk.security.Caller;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intake API for authority systems: submit an order, follow its status, clarify, withdraw, extend a preservation
 * hold or a non-disclosure order.
 */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
public class OrderController {

    private final OrderIntakeService intake;
    private final OrderLifecycleService lifecycle;
    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final OrderOutbox outbox;
    private final AuthorityNotes notes;
    private final IntakeAccountRepository accounts;
    private final PreservationService preservations;

    public OrderController(OrderIntakeService intake, OrderLifecycleService lifecycle, OrderRepository orders,
                           OrderTimeline timeline, OrderOutbox outbox, AuthorityNotes notes, IntakeAccountRepository accounts,
                           PreservationService preservations) {
        this.intake = intake;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.timeline = timeline;
        this.outbox = outbox;
        this.notes = notes;
        this.accounts = accounts;
        this.preservations = preservations;
    }

    /** What the API answers about an order: its status and timeline, never its targets. */
    public record OrderStatusResponse(
            String trackingNumber,
            String reference,
            OrderStatus status,
            String outcome,
            String statusReason,
            Instant receivedAt,
            Instant updatedAt,
            List<TimelineEvent> timeline,
            List<AuthorityNote> authorityNotes,
            String preservationReference,
            PreservationHold preservation) {}

    /**
     * The hold of a preservation order, once its data is frozen: until when, whether extended, when the snapshot was
     * deleted. Nothing about the targets (not even how many exist on the platform).
     */
    public record PreservationHold(Instant preservedAt, Instant heldUntil, boolean extended, Instant snapshotDeletedAt) {}

    /** The body of a withdrawal: an optional reason in the authority's words. */
    public record Withdrawal(@Size(max = 4000) String reason) {}

    /** The body of a preservation extension: an optional reason in the authority's words. */
    public record PreservationExtension(@Size(max = 4000) String reason) {}

    /** The body of a non-disclosure extension: the new date (required, after the current one, in the future), a reason. */
    public record NonDisclosureExtension(@NotNull LocalDate nonDisclosureUntil, @Size(max = 4000) String reason) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OrderStatusResponse> submit(@Valid @RequestBody OrderSubmission submission, Authentication caller) {
        checkBinding(caller.getName(), submission);
        OrderIntakeService.Registration registration;
        try {
            registration = intake.submit(submission, caller.getName());
        } catch (DataIntegrityViolationException concurrentDuplicate) {
            // another request stored the same authority and reference a moment ago: answer with that order
            registration = intake.existing(submission).orElseThrow(() -> concurrentDuplicate);
        }
        OrderStatusResponse body = view(registration.trackingNumber());
        if (registration.created()) {
            return ResponseEntity.created(URI.create("/api/orders/" + registration.trackingNumber())).body(body);
        }
        return ResponseEntity.ok().location(URI.create("/api/orders/" + registration.trackingNumber())).body(body);
    }

    @GetMapping("/{trackingNumber}")
    public OrderStatusResponse status(@PathVariable String trackingNumber, Authentication caller) {
        requireVisible(trackingNumber, caller);
        return view(trackingNumber);
    }

    /** The authority answers a clarification request: text, and optionally corrected fields. */
    @PostMapping(path = "/{trackingNumber}/clarification", consumes = MediaType.APPLICATION_JSON_VALUE)
    public OrderStatusResponse clarify(@PathVariable String trackingNumber, @Valid @RequestBody Clarification clarification,
                                       Authentication caller) {
        requireSubmitter(trackingNumber, caller);
        lifecycle.clarify(trackingNumber, caller.getName(), clarification);
        return view(trackingNumber);
    }

    /** The authority withdraws its order; possible at any stage before disclosure. */
    @PostMapping(path = "/{trackingNumber}/withdrawal")
    public OrderStatusResponse withdraw(@PathVariable String trackingNumber,
                                        @Valid @RequestBody(required = false) Withdrawal withdrawal, Authentication caller) {
        requireSubmitter(trackingNumber, caller);
        lifecycle.withdraw(trackingNumber, caller.getName(), withdrawal == null ? null : withdrawal.reason());
        return view(trackingNumber);
    }

    /** The authority extends the hold of its preservation order, once (EU +30 days, others +90 days). */
    @PostMapping(path = "/{trackingNumber}/preservation-extension")
    public OrderStatusResponse extendPreservation(@PathVariable String trackingNumber,
                                                  @Valid @RequestBody(required = false) PreservationExtension extension,
                                                  Authentication caller) {
        requireSubmitter(trackingNumber, caller);
        lifecycle.extendPreservation(trackingNumber, caller.getName(), extension == null ? null : extension.reason());
        return view(trackingNumber);
    }

    /** The authority extends its non-disclosure order: the user is not notified before the new date. */
    @PostMapping(path = "/{trackingNumber}/non-disclosure-extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    public OrderStatusResponse extendNonDisclosure(@PathVariable String trackingNumber,
                                                   @Valid @RequestBody NonDisclosureExtension extension, Authentication caller) {
        requireSubmitter(trackingNumber, caller);
        lifecycle.extendNonDisclosure(trackingNumber, caller.getName(), extension.nonDisclosureUntil(), extension.reason());
        return view(trackingNumber);
    }

    /** The messages the platform sent the authority about this order (its outbox). */
    @GetMapping("/{trackingNumber}/messages")
    public List<OutboxMessage> messages(@PathVariable String trackingNumber, Authentication caller) {
        requireVisible(trackingNumber, caller);
        return outbox.of(trackingNumber);
    }

    private void requireVisible(String trackingNumber, Authentication caller) {
        String submittedBy = orders.submittedBy(trackingNumber).orElseThrow(() -> new OrderNotVisibleException(trackingNumber));
        if (!Caller.isStaff(caller) && !submittedBy.equals(caller.getName())) {
            // an intake system sees only its own orders; others do not exist for it
            throw new OrderNotVisibleException(trackingNumber);
        }
    }

    /** Only the intake system that submitted an order speaks for its authority about it. */
    private void requireSubmitter(String trackingNumber, Authentication caller) {
        String submittedBy = orders.submittedBy(trackingNumber).orElseThrow(() -> new OrderNotVisibleException(trackingNumber));
        if (!submittedBy.equals(caller.getName())) {
            throw new OrderNotVisibleException(trackingNumber);
        }
    }

    private void checkBinding(String user, OrderSubmission submission) {
        var account = accounts.find(user).orElseThrow(() -> new IntakeAccountException("authority",
                "The intake account " + user + " is not bound to an authority yet; an administrator binds it."));
        if (!account.authorityCountry().equals(submission.authority().country())) {
            throw new IntakeAccountException("authority.country", "The intake account " + user
                    + " submits orders of authorities in " + account.authorityCountry() + " only.");
        }
    }

    private OrderStatusResponse view(String trackingNumber) {
        var order = orders.get(trackingNumber);
        var status = orders.status(trackingNumber).orElseThrow();
        PreservationHold hold = preservations.find(trackingNumber)
                .map(p -> new PreservationHold(p.preservedAt(), p.heldUntil(), p.extended(), p.deletedAt()))
                .orElse(null);
        return new OrderStatusResponse(trackingNumber, order.reference(), status.status(), status.outcome(),
                status.reason(), order.receivedAt(), status.updatedAt(), timeline.of(trackingNumber),
                notes.of(trackingNumber), order.preservationReference(), hold);
    }
}
