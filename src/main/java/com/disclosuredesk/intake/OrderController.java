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

import com.disclosuredesk.web.Problem;
import com.disclosuredesk.web.SignInProblems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "Orders", description = "Legal orders of authorities: submit, follow")
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
public class OrderController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final String LOCATION = "/api/orders/{trackingNumber} of the order";
    private static final String NOT_VISIBLE = "No such order, or not one the caller submitted.";

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

    @Operation(summary = "Submit a legal order", description = "Stores the order, starts its process and answers with its "
            + "tracking number. The same authority (country and name) and reference again: 200 with the existing order if "
            + "the body is the same, 409 if it differs. Nothing is stored when the order is refused.")
    @ApiResponse(responseCode = "201", description = "The order is registered and its process started.",
            headers = @Header(name = "Location", description = LOCATION, schema = @Schema(type = "string")),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = OrderStatusResponse.class),
                    examples = @ExampleObject(name = "created", summary = "A new order", value = OrderApiExamples.CREATED)))
    @ApiResponse(responseCode = "200",
            description = "Resubmission: this authority sent this reference with the same body before; the existing order.",
            headers = @Header(name = "Location", description = LOCATION, schema = @Schema(type = "string")),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = OrderStatusResponse.class),
                    examples = @ExampleObject(name = "resubmitted", summary = "The existing order, meanwhile in legal analysis",
                            value = OrderApiExamples.IN_ANALYSIS)))
    @ApiResponse(responseCode = "400", description = "The body is not an order: malformed JSON, an unknown field, a wrong "
            + "type, or fields breaking the rules. Every offending field is named.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "invalidOrder", summary = "Fields breaking the rules", value = OrderApiExamples.INVALID_ORDER),
                    @ExampleObject(name = "malformedJson", summary = "Not valid JSON", value = OrderApiExamples.MALFORMED_JSON),
                    @ExampleObject(name = "unknownField", summary = "A field that is not part of an order",
                            value = OrderApiExamples.UNKNOWN_FIELD),
                    @ExampleObject(name = "unknownPreservation", summary = "preservationReference names no preservation order "
                            + "of this intake account (whether another's exists is not told)",
                            value = OrderApiExamples.UNKNOWN_PRESERVATION),
                    @ExampleObject(name = "wrongType", summary = "A string where a boolean belongs", value = OrderApiExamples.WRONG_TYPE)}))
    @ApiResponse(responseCode = "409", description = "The reference was used by this authority before, with a different body.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "referenceConflict",
                            summary = "The reference was used by this authority before, with a different body.",
                            value = OrderApiExamples.CONFLICT)))
    @ApiResponse(responseCode = "415", description = "The body is not sent as application/json.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unsupportedMediaType", summary = "The body is not sent as application/json.",
                            value = OrderApiExamples.UNSUPPORTED_MEDIA_TYPE)))
    @SignInProblems
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OrderStatusResponse> submit(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = JSON,
                    schema = @Schema(implementation = OrderSubmission.class), examples = {
                    @ExampleObject(name = "courtOrder", summary = "The spec's example: a court order for a username and a phone number",
                            value = OrderApiExamples.EXAMPLE_ORDER),
                    @ExampleObject(name = "emergencyRequest", summary = "An emergency request: emergencyFacts are required",
                            value = OrderApiExamples.EXAMPLE_EMERGENCY),
                    @ExampleObject(name = "preservationOrder", summary = "An EU preservation order: the data is frozen, nothing is disclosed",
                            value = OrderApiExamples.EXAMPLE_PRESERVATION),
                    @ExampleObject(name = "productionOfPreservedData", summary = "A production order that builds on an earlier "
                            + "preservation order of the same intake account (preservationReference)",
                            value = OrderApiExamples.EXAMPLE_PRODUCTION_OF_PRESERVED)}))
            @Valid @RequestBody OrderSubmission submission, Authentication caller) {
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

    @Operation(summary = "Status and timeline of an order",
            description = "An intake system sees only the orders it submitted; any other tracking number answers 404.")
    @ApiResponse(responseCode = "200", description = "The order's status and timeline; never its targets.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = OrderStatusResponse.class),
                    examples = @ExampleObject(name = "inLegalAnalysis", summary = "An order in legal analysis",
                            value = OrderApiExamples.IN_ANALYSIS)))
    @ApiResponse(responseCode = "404", description = NOT_VISIBLE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "notFound", summary = NOT_VISIBLE, value = OrderApiExamples.NOT_FOUND)))
    @SignInProblems
    @GetMapping("/{trackingNumber}")
    public OrderStatusResponse status(@PathVariable String trackingNumber, Authentication caller) {
        requireVisible(trackingNumber, caller);
        return view(trackingNumber);
    }

    /** The authority answers a clarification request: text, and optionally corrected fields. */
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = OrderStatusResponse.class)))
    @SignInProblems
    @PostMapping(path = "/{trackingNumber}/clarification", consumes = MediaType.APPLICATION_JSON_VALUE)
    public OrderStatusResponse clarify(@PathVariable String trackingNumber, @Valid @RequestBody Clarification clarification,
                                       Authentication caller) {
        requireSubmitter(trackingNumber, caller);
        lifecycle.clarify(trackingNumber, caller.getName(), clarification);
        return view(trackingNumber);
    }

    /** The authority withdraws its order; possible at any stage before disclosure. */
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = OrderStatusResponse.class)))
    @SignInProblems
    @PostMapping(path = "/{trackingNumber}/withdrawal")
    public OrderStatusResponse withdraw(@PathVariable String trackingNumber,
                                        @Valid @RequestBody(required = false) Withdrawal withdrawal, Authentication caller) {
        requireSubmitter(trackingNumber, caller);
        lifecycle.withdraw(trackingNumber, caller.getName(), withdrawal == null ? null : withdrawal.reason());
        return view(trackingNumber);
    }

    /** The authority extends the hold of its preservation order, once (EU +30 days, others +90 days). */
    @Operation(summary = "Extend the hold of a preservation order, once", description = "For the intake system that "
            + "submitted the preservation order. Extends the hold once, from its end: EU preservation orders by 30 days, other "
            + "preservation requests by 90 days (configurable). The body (a reason) is optional. 409 when the order is not a "
            + "preservation order, its data is not (yet) preserved, the hold was already extended, has ended or its snapshot "
            + "was deleted.")
    @ApiResponse(responseCode = "200", description = "Extended: the order's status with its hold.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = OrderStatusResponse.class),
                    examples = @ExampleObject(name = "extended", summary = "The hold, extended", value = OrderApiExamples.PRESERVATION_HOLD)))
    @ApiResponse(responseCode = "404", description = NOT_VISIBLE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "notFound", summary = NOT_VISIBLE, value = OrderApiExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "The hold cannot be extended (now).",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "alreadyExtended", summary = "The hold was already extended once",
                            value = OrderApiExamples.ALREADY_EXTENDED),
                    @ExampleObject(name = "notAPreservation", summary = "The order is not a preservation order",
                            value = OrderApiExamples.NOT_A_PRESERVATION)}))
    @SignInProblems
    @PostMapping(path = "/{trackingNumber}/preservation-extension")
    public OrderStatusResponse extendPreservation(@PathVariable String trackingNumber,
                                                  @Valid @RequestBody(required = false) PreservationExtension extension,
                                                  Authentication caller) {
        requireSubmitter(trackingNumber, caller);
        lifecycle.extendPreservation(trackingNumber, caller.getName(), extension == null ? null : extension.reason());
        return view(trackingNumber);
    }

    /** The authority extends its non-disclosure order: the user is not notified before the new date. */
    @Operation(summary = "Extend a non-disclosure order", description = "For the intake system that submitted the order: "
            + "the user is not notified of the disclosure before the new date. nonDisclosureUntil is required, an ISO date "
            + "(YYYY-MM-DD) later than the order's current one and in the future. 409 when the platform no longer waits to "
            + "notify the user (for example: the user was already notified) or the order never reached that point.")
    @ApiResponse(responseCode = "200", description = "Extended: the order's status and timeline.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = OrderStatusResponse.class),
                    examples = @ExampleObject(name = "extended", summary = "Non-disclosure extended",
                            value = OrderApiExamples.NON_DISCLOSURE_EXTENDED)))
    @ApiResponse(responseCode = "400", description = "The date is missing, not a date, not later than the current one or "
            + "not in the future.", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "notLater", summary = "Not later than the current date",
                    value = OrderApiExamples.NON_DISCLOSURE_NOT_LATER)))
    @ApiResponse(responseCode = "404", description = NOT_VISIBLE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "notFound", summary = NOT_VISIBLE, value = OrderApiExamples.NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "The platform no longer waits to notify the user.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "tooLate", summary = "The platform no longer waits to notify the user.",
                            value = OrderApiExamples.NON_DISCLOSURE_TOO_LATE)))
    @SignInProblems
    @PostMapping(path = "/{trackingNumber}/non-disclosure-extension", consumes = MediaType.APPLICATION_JSON_VALUE)
    public OrderStatusResponse extendNonDisclosure(@PathVariable String trackingNumber,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = JSON,
                    schema = @Schema(implementation = NonDisclosureExtension.class),
                    examples = @ExampleObject(name = "extension", summary = "A new date and the reason",
                            value = OrderApiExamples.NON_DISCLOSURE_REQUEST)))
            @Valid @RequestBody NonDisclosureExtension extension, Authentication caller) {
        requireSubmitter(trackingNumber, caller);
        lifecycle.extendNonDisclosure(trackingNumber, caller.getName(), extension.nonDisclosureUntil(), extension.reason());
        return view(trackingNumber);
    }

    /** The messages the platform sent the authority about this order (its outbox). */
    @ApiResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = OutboxMessage.class))))
    @SignInProblems
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
