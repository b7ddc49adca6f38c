package com.disclosuredesk.intake;

import com.disclosuredesk.web.ApiProblemHandler;
import com.disclosuredesk.web.FieldProblem;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.disclosuredesk.common.OrderLogContext;
import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.preservation.PreservationPolicy;
import com.disclosuredesk.process.LegalOrderProcess;
import com.disclosuredesk.process.LegalOrderVariables;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers legal orders: stores the order with its targets in the application's tables and, for orders
 * submitted over the API, starts the legal-order process in the same transaction, with the tracking
 * number as business key. The same authority and reference never create a second order.
 */
@Service
public class OrderIntakeService {

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .build();

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final RuntimeService runtime;
    private final Validator validator;
    private final Clock clock;

    public OrderIntakeService(OrderRepository orders, OrderTimeline timeline, RuntimeService runtime, Validator validator, Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.runtime = runtime;
        this.validator = validator;
        this.clock = clock;
    }

    /** The result of a submission: the order's tracking number, and whether this call created it. */
    public record Registration(String trackingNumber, boolean created) {}

    /**
     * Registers an order submitted over the API and starts its process. A resubmission of the same
     * authority and reference returns the existing order; with a different body it is refused.
     */
    @Transactional
    public Registration submit(OrderSubmission submission, String submittedBy) {
        String payloadSha256 = payloadSha256(submission);
        Optional<OrderRepository.StoredOrder> existing = orders.findByAuthorityAndReference(
                submission.authority().country(), submission.authority().name(), submission.reference());
        if (existing.isPresent()) {
            return resubmitted(existing.get(), submission, payloadSha256);
        }
        checkPreservationReference(submission, submittedBy);
        LegalOrder order = toOrder(submission, orders.nextTrackingNumber(), submittedBy, LegalOrder.Channel.API);
        try (OrderLogContext ignored = OrderLogContext.of(order.trackingNumber())) {
            orders.insert(order, payloadSha256);
            timeline.record(order.trackingNumber(), TimelineStep.RECEIVED, submittedBy, order.preservationReference() == null
                    ? "Order received over the API."
                    : "Order received over the API, building on preservation order " + order.preservationReference() + ".");
            orders.updateStatus(order.trackingNumber(), OrderStatus.RECEIVED, null, null);
            // Task_RegisterOrder binds the order to the instance (OrderRepository.bind), in this transaction
            runtime.startProcessInstanceByKey(LegalOrderProcess.PROCESS_KEY,
                    order.trackingNumber(), Map.of(LegalOrderVariables.TRACKING_NUMBER, order.trackingNumber()));
        }
        return new Registration(order.trackingNumber(), true);
    }

    /** After a concurrent submission of the same order won the race: answer with the order it stored. */
    @Transactional(readOnly = true)
    public Optional<Registration> existing(OrderSubmission submission) {
        return orders.findByAuthorityAndReference(submission.authority().country(), submission.authority().name(),
                        submission.reference())
                .map(stored -> resubmitted(stored, submission, payloadSha256(submission)));
    }

    private Registration resubmitted(OrderRepository.StoredOrder stored, OrderSubmission submission, String payloadSha256) {
        if (!stored.payloadSha256().equals(payloadSha256)) {
            List<String> differing = SubmissionMapping.differingFields(
                    SubmissionMapping.toSubmission(orders.get(stored.trackingNumber())), submission);
            throw new DuplicateOrderConflictException(stored.trackingNumber(), differing);
        }
        return new Registration(stored.trackingNumber(), false);
    }

    /**
     * Registers an order whose process is already running: entered with the Tasklist start form or started
     * over the engine REST API. Runs inside the engine's transaction; a refusal aborts the start.
     */
    public LegalOrder registerStarted(OrderSubmission submission, String submittedBy, String processInstanceId) {
        validate(submission);
        if (orders.findByAuthorityAndReference(submission.authority().country(), submission.authority().name(),
                submission.reference()).isPresent()) {
            throw new OrderInputException(List.of(new FieldProblem("orderReference",
                    "is already registered for this authority; follow the existing order instead")));
        }
        LegalOrder order = toOrder(submission, orders.nextTrackingNumber(), submittedBy, LegalOrder.Channel.TASKLIST);
        orders.insert(order, payloadSha256(submission));
        orders.attachProcessInstance(order.trackingNumber(), processInstanceId);
        timeline.record(order.trackingNumber(), TimelineStep.RECEIVED, submittedBy, "Order entered by legal staff.");
        orders.updateStatus(order.trackingNumber(), OrderStatus.RECEIVED, null, null);
        return order;
    }

    /**
     * A production order may build on an earlier preservation order of the same intake account. Another account's
     * order answers exactly as a tracking number that does not exist: an intake system learns nothing of the orders
     * of other authorities.
     */
    void checkPreservationReference(OrderSubmission submission, String submittedBy) {
        String reference = submission.preservationReference();
        if (reference == null) {
            return;
        }
        Optional<OrderRepository.Origin> origin = orders.origin(reference).filter(o -> o.submittedBy().equals(submittedBy));
        if (origin.isEmpty()) {
            throw new OrderInputException(List.of(new FieldProblem("preservationReference",
                    "does not name a preservation order submitted by this intake account")));
        }
        if (!PreservationPolicy.isPreservation(origin.get().orderType())) {
            throw new OrderInputException(List.of(new FieldProblem("preservationReference",
                    "names an order of this intake account that is not a preservation order "
                            + "(PRESERVATION_REQUEST or EU_PRESERVATION_ORDER)")));
        }
    }

    void validate(OrderSubmission submission) {
        Set<ConstraintViolation<OrderSubmission>> violations = validator.validate(submission);
        if (!violations.isEmpty()) {
            throw new OrderInputException(violations.stream()
                    .map(v -> new FieldProblem(ApiProblemHandler.fieldName(v.getPropertyPath().toString()), v.getMessage()))
                    .sorted(Comparator.comparing(FieldProblem::field))
                    .toList());
        }
    }

    LegalOrder toOrder(OrderSubmission s, String trackingNumber, String submittedBy, LegalOrder.Channel channel) {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        categories.addAll(s.dataCategories());
        List<Target> targets = s.targets().stream().map(t -> new Target(t.type(), t.value())).toList();
        return new LegalOrder(trackingNumber, s.reference(), submittedBy, channel, s.orderType(),
                new LegalOrder.Authority(s.authority().name().trim(), s.authority().country(), s.authority().contactEmail()),
                new LegalOrder.Issuer(s.issuer().type(), s.issuer().name().trim()),
                s.issuedOn(), s.validUntil(), s.offence(), s.suspectConfirmed(), s.emergency(), s.emergencyFacts(),
                targets, Set.copyOf(categories), s.period().from(), s.period().to(), s.nonDisclosureUntil(),
                s.documentSha256() == null ? null : s.documentSha256().toLowerCase(), OrderStatus.RECEIVED, clock.instant(),
                s.preservationReference());
    }

    /**
     * SHA-256 over the canonical JSON of the submission: equal bodies, equal digests. dataCategories is a set
     * (a HashSet from JSON, its order differing between JVM runs): its names are sorted. Without a
     * preservationReference the field is left out, so that orders stored before the field existed keep their digest
     * (a retry of such an order is still recognized as the same order).
     */
    static String payloadSha256(OrderSubmission submission) {
        try {
            ObjectNode tree = CANONICAL.valueToTree(submission);
            if (tree.path("preservationReference").isNull()) {
                tree.remove("preservationReference");
            }
            if (tree.get("dataCategories") instanceof ArrayNode categories) {
                List<JsonNode> sorted = new ArrayList<>();
                categories.forEach(sorted::add);
                sorted.sort(Comparator.comparing(JsonNode::asText));
                categories.removeAll().addAll(sorted);
            }
            return Sha256.hex(CANONICAL.writeValueAsString(tree));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot digest the order", e);
        }
    }
}
