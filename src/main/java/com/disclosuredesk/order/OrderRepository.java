package com.disclosuredesk.order;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;


import com.disclosuredesk.common.Sequences;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The application's own record of legal orders and their targets ({@code dd_legal_order}, {@code dd_order_target}).
 * The timeline is {@link OrderTimeline}, the messages to the authority {@link OrderOutbox}, its notes
 * {@link AuthorityNotes}, the staff's decisions {@link OrderDecisions}.
 */
@Repository
public class OrderRepository {

    private final JdbcClient jdbc;
    private final Sequences sequences;
    private final OrderOutbox outbox;
    private final Clock clock;

    public OrderRepository(JdbcClient jdbc, Sequences sequences, OrderOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** {@code LO-<year>-<6 digits>}, from a database sequence so that nodes never hand out the same number. */
    public String nextTrackingNumber() {
        long n = sequences.next("dd_tracking_number_seq") % 1_000_000L;
        int year = OffsetDateTime.now(clock).getYear();
        return String.format(Locale.ROOT, "LO-%d-%06d", year, n);
    }

    /** Normalized identity of an authority, for "same authority, same reference" idempotency. */
    public static String authorityKey(String country, String name) {
        return country.toUpperCase(Locale.ROOT) + ":" + name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    public void insert(LegalOrder order, String payloadSha256) {
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO dd_legal_order (tracking_number, authority_key, reference, submitted_by, channel, order_type,
                    authority_name, authority_country, authority_email, issuer_type, issuer_name, issued_on, valid_until,
                    offence, suspect_confirmed, emergency, emergency_facts, data_categories, period_from, period_to,
                    non_disclosure_until, document_sha256, payload_sha256, status, received_at, updated_at,
                    preservation_reference)
                VALUES (:tn, :akey, :ref, :by, :channel, :type, :aname, :acountry, :aemail, :itype, :iname, :issuedOn,
                    :validUntil, :offence, :suspect, :emergency, :facts, :categories, :pfrom, :pto, :nondisc, :doc,
                    :payload, :status, :received, :updated, :preservation)
                """)
                .param("tn", order.trackingNumber())
                .param("akey", authorityKey(order.authority().country(), order.authority().name()))
                .param("ref", order.reference())
                .param("by", order.submittedBy())
                .param("channel", order.channel().name())
                .param("type", order.orderType().name())
                .param("aname", order.authority().name())
                .param("acountry", order.authority().country())
                .param("aemail", order.authority().contactEmail())
                .param("itype", order.issuer().type().name())
                .param("iname", order.issuer().name())
                .param("issuedOn", order.issuedOn())
                .param("validUntil", order.validUntil())
                .param("offence", order.offence().name())
                .param("suspect", order.suspectConfirmed())
                .param("emergency", order.emergency())
                .param("facts", order.emergencyFacts())
                .param("categories", categoriesColumn(order.dataCategories()))
                .param("pfrom", utc(order.periodFrom()))
                .param("pto", utc(order.periodTo()))
                .param("nondisc", order.nonDisclosureUntil())
                .param("doc", order.documentSha256())
                .param("payload", payloadSha256)
                .param("status", order.status().name())
                .param("received", utc(order.receivedAt()))
                .param("updated", utc(now))
                .param("preservation", order.preservationReference())
                .update();
        insertTargets(order);
    }

    private void insertTargets(LegalOrder order) {
        int position = 0;
        for (Target target : order.targets()) {
            jdbc.sql("INSERT INTO dd_order_target (tracking_number, position, target_type, target_value, target_key) VALUES (?, ?, ?, ?, ?)")
                    .params(order.trackingNumber(), position++, target.type().name(), target.value(), target.key())
                    .update();
        }
    }

    private static String categoriesColumn(Set<DataCategory> categories) {
        return categories.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    public void attachProcessInstance(String trackingNumber, String processInstanceId) {
        jdbc.sql("UPDATE dd_legal_order SET process_instance_id = ? WHERE tracking_number = ?")
                .params(processInstanceId, trackingNumber).update();
    }

    /**
     * The order of a process instance: its business key, provided the order of that tracking number is bound to this
     * very instance ({@code process_instance_id}, written when the process started). Business keys are not unique in
     * the engine and a start may name any; the binding is the application's own.
     *
     * @throws IllegalStateException when the instance is not the one bound to that order (the step fails)
     */
    public String boundOrder(String businessKey, String processInstanceId) {
        Integer bound = jdbc.sql("SELECT COUNT(*) FROM dd_legal_order WHERE tracking_number = ? AND process_instance_id = ?")
                .params(businessKey, processInstanceId).query(Integer.class).single();
        if (bound == null || bound != 1) {
            throw new IllegalStateException("Process instance " + processInstanceId + " is not the one bound to order "
                    + businessKey + ": nothing is done for it");
        }
        return businessKey;
    }

    /**
     * Binds an order to the process instance that the application started for it, once: an order already bound to
     * another instance is never bound again.
     *
     * @throws IllegalStateException when the order is bound to another instance (the start fails)
     */
    public String bind(String trackingNumber, String processInstanceId) {
        int updated = jdbc.sql("""
                UPDATE dd_legal_order SET process_instance_id = ?
                WHERE tracking_number = ? AND (process_instance_id IS NULL OR process_instance_id = ?)""")
                .params(processInstanceId, trackingNumber, processInstanceId).update();
        if (updated != 1) {
            throw new IllegalStateException("Order " + trackingNumber + " is bound to another process instance than "
                    + processInstanceId + ": this instance does nothing for it");
        }
        return trackingNumber;
    }

    public Optional<LegalOrder> find(String trackingNumber) {
        return jdbc.sql("SELECT * FROM dd_legal_order WHERE tracking_number = ?")
                .param(trackingNumber)
                .query((rs, i) -> map(rs))
                .optional()
                .map(this::withTargets);
    }

    public LegalOrder get(String trackingNumber) {
        return find(trackingNumber).orElseThrow(() -> new OrderNotFoundException(trackingNumber));
    }

    public Optional<StoredOrder> findByAuthorityAndReference(String country, String authorityName, String reference) {
        return jdbc.sql("SELECT tracking_number, payload_sha256, submitted_by FROM dd_legal_order WHERE authority_key = ? AND reference = ?")
                .params(authorityKey(country, authorityName), reference)
                .query((rs, i) -> new StoredOrder(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    /** Identity of an already stored order, for idempotent intake. */
    public record StoredOrder(String trackingNumber, String payloadSha256, String submittedBy) {}

    public Optional<String> submittedBy(String trackingNumber) {
        return jdbc.sql("SELECT submitted_by FROM dd_legal_order WHERE tracking_number = ?")
                .param(trackingNumber).query(String.class).optional();
    }

    /** Who submitted an order and what type it is: enough to check a reference to it. */
    public record Origin(String submittedBy, OrderType orderType) {}

    public Optional<Origin> origin(String trackingNumber) {
        return jdbc.sql("SELECT submitted_by, order_type FROM dd_legal_order WHERE tracking_number = ?")
                .param(trackingNumber)
                .query((rs, i) -> new Origin(rs.getString(1), OrderType.valueOf(rs.getString(2))))
                .optional();
    }

    /** The date until which the user may not be told of the order, as the authority extended it. */
    public void updateNonDisclosureUntil(String trackingNumber, LocalDate nonDisclosureUntil) {
        jdbc.sql("UPDATE dd_legal_order SET non_disclosure_until = ?, updated_at = ? WHERE tracking_number = ?")
                .params(nonDisclosureUntil, utc(clock.instant()), trackingNumber)
                .update();
    }

    public Optional<StatusView> status(String trackingNumber) {
        return jdbc.sql("SELECT status, outcome, status_reason, updated_at FROM dd_legal_order WHERE tracking_number = ?")
                .param(trackingNumber)
                .query((rs, i) -> new StatusView(OrderStatus.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        instant(rs, 4)))
                .optional();
    }

    public record StatusView(OrderStatus status, String outcome, String reason, Instant updatedAt) {}

    /**
     * Changes the status the authority sees and records the message that tells it so in the outbox, in the
     * same transaction. The reason is worded for the authority (never internal reasoning, never personal data).
     */
    public void updateStatus(String trackingNumber, OrderStatus status, String outcome, String reason) {
        jdbc.sql("""
                UPDATE dd_legal_order SET status = ?, outcome = COALESCE(?, outcome), status_reason = ?,
                    updated_at = ? WHERE tracking_number = ?
                """)
                .params(status.name(), outcome, reason, utc(clock.instant()), trackingNumber)
                .update();
        outbox.add(trackingNumber, status.name(), StatusMessages.of(trackingNumber, status, reason));
    }

    /** Replaces the correctable content of an order (after a clarification); tracking number and origin stay. */
    public void applyCorrection(LegalOrder order) {
        jdbc.sql("""
                UPDATE dd_legal_order SET order_type = ?, issuer_type = ?, issuer_name = ?, issued_on = ?, valid_until = ?,
                    offence = ?, suspect_confirmed = ?, emergency = ?, emergency_facts = ?, data_categories = ?,
                    period_from = ?, period_to = ?, non_disclosure_until = ?, document_sha256 = ?, authority_email = ?,
                    updated_at = ? WHERE tracking_number = ?
                """)
                .params(order.orderType().name(), order.issuer().type().name(), order.issuer().name(), order.issuedOn(),
                        order.validUntil(), order.offence().name(), order.suspectConfirmed(), order.emergency(),
                        order.emergencyFacts(), categoriesColumn(order.dataCategories()), utc(order.periodFrom()),
                        utc(order.periodTo()), order.nonDisclosureUntil(), order.documentSha256(),
                        order.authority().contactEmail(), utc(clock.instant()), order.trackingNumber())
                .update();
        jdbc.sql("DELETE FROM dd_order_target WHERE tracking_number = ?").param(order.trackingNumber()).update();
        insertTargets(order);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM dd_legal_order").query(Long.class).single();
    }

    private LegalOrder withTargets(LegalOrder order) {
        List<Target> targets = jdbc.sql("SELECT target_type, target_value FROM dd_order_target WHERE tracking_number = ? ORDER BY position")
                .param(order.trackingNumber())
                .query((rs, i) -> new Target(TargetType.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
        return new LegalOrder(order.trackingNumber(), order.reference(), order.submittedBy(), order.channel(),
                order.orderType(), order.authority(), order.issuer(), order.issuedOn(), order.validUntil(), order.offence(),
                order.suspectConfirmed(), order.emergency(), order.emergencyFacts(), List.copyOf(targets),
                order.dataCategories(), order.periodFrom(), order.periodTo(), order.nonDisclosureUntil(),
                order.documentSha256(), order.status(), order.receivedAt(), order.preservationReference());
    }

    private static LegalOrder map(ResultSet rs) throws SQLException {
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        Arrays.stream(rs.getString("data_categories").split(","))
                .filter(s -> !s.isBlank()).map(DataCategory::valueOf).forEach(categories::add);
        return new LegalOrder(
                rs.getString("tracking_number"),
                rs.getString("reference"),
                rs.getString("submitted_by"),
                LegalOrder.Channel.valueOf(rs.getString("channel")),
                OrderType.valueOf(rs.getString("order_type")),
                new LegalOrder.Authority(rs.getString("authority_name"), rs.getString("authority_country"),
                        rs.getString("authority_email")),
                new LegalOrder.Issuer(IssuerType.valueOf(rs.getString("issuer_type")), rs.getString("issuer_name")),
                date(rs, "issued_on"),
                date(rs, "valid_until"),
                Offence.valueOf(rs.getString("offence")),
                rs.getBoolean("suspect_confirmed"),
                rs.getBoolean("emergency"),
                rs.getString("emergency_facts"),
                List.of(),
                Set.copyOf(categories),
                instant(rs, "period_from"),
                instant(rs, "period_to"),
                date(rs, "non_disclosure_until"),
                rs.getString("document_sha256"),
                OrderStatus.valueOf(rs.getString("status")),
                instant(rs, "received_at"),
                rs.getString("preservation_reference"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
