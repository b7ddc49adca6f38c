package com.disclosuredesk.intake;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.TimelineEvent;
import com.disclosuredesk.security.Caller;

import jakarta.validation.Valid;

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

/** The intake API for authority systems: submit an order, follow its status. */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
public class OrderController {

    private final OrderIntakeService intake;
    private final OrderRepository orders;

    public OrderController(OrderIntakeService intake, OrderRepository orders) {
        this.intake = intake;
        this.orders = orders;
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
            List<TimelineEvent> timeline) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<OrderStatusResponse> submit(@Valid @RequestBody OrderSubmission submission, Authentication caller) {
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
        String submittedBy = orders.submittedBy(trackingNumber).orElseThrow(() -> new OrderNotVisibleException(trackingNumber));
        if (!Caller.isStaff(caller) && !submittedBy.equals(caller.getName())) {
            // an intake system sees only its own orders; others do not exist for it
            throw new OrderNotVisibleException(trackingNumber);
        }
        return view(trackingNumber);
    }

    private OrderStatusResponse view(String trackingNumber) {
        var order = orders.get(trackingNumber);
        var status = orders.status(trackingNumber).orElseThrow();
        return new OrderStatusResponse(trackingNumber, order.reference(), status.status(), status.outcome(),
                status.reason(), order.receivedAt(), status.updatedAt(), orders.timeline(trackingNumber));
    }
}
