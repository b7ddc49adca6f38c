package com.disclosuredesk.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderType;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The clocks of an order and how urgent its tasks are. Answer deadlines follow the EU e-Evidence rules: 8 hours
 * for emergencies, 10 days for production orders and, by the platform's policy, for the others; each is configurable
 * per order type ({@code disclosure-desk.deadlines.order-types.<TYPE>}). An order marked as an emergency is on the
 * emergency clock whatever its type.
 */
@Component
@EnableConfigurationProperties(DeadlinePolicy.Settings.class)
public class DeadlinePolicy {

    /** Priorities of the user tasks: emergencies first, escalated standard tasks above the others. */
    public static final int PRIORITY_STANDARD = 50;
    public static final int PRIORITY_ESCALATED = 80;
    public static final int PRIORITY_EMERGENCY = 100;

    /**
     * @param emergency         deadline of an emergency (any type marked emergency, and EMERGENCY_REQUEST)
     * @param standard          deadline of an order type without its own entry
     * @param orderTypes        deadline per order type
     * @param emergencyFastTrack how long before an emergency's deadline the analysis is escalated and an approver may
     *                          approve alone ("the clock is nearly out")
     * @param review            deadline of the legal analysis completed after an emergency disclosure approved alone
     */
    @ConfigurationProperties("disclosure-desk.deadlines")
    public record Settings(Duration emergency, Duration standard, Map<OrderType, Duration> orderTypes,
                           Duration emergencyFastTrack, Duration review) {
        public Settings {
            emergency = emergency == null ? Duration.ofHours(8) : emergency;
            standard = standard == null ? Duration.ofDays(10) : standard;
            orderTypes = orderTypes == null ? Map.of() : Map.copyOf(orderTypes);
            emergencyFastTrack = emergencyFastTrack == null ? Duration.ofHours(2) : emergencyFastTrack;
            review = review == null ? Duration.ofDays(10) : review;
            for (Map.Entry<String, Duration> named : Map.of("emergency", emergency, "standard", standard,
                    "emergency-fast-track", emergencyFastTrack, "review", review).entrySet()) {
                if (named.getValue().isNegative() || named.getValue().isZero()) {
                    throw new IllegalArgumentException("disclosure-desk.deadlines." + named.getKey() + " must be positive");
                }
            }
            if (emergencyFastTrack.compareTo(emergency) >= 0) {
                throw new IllegalArgumentException("disclosure-desk.deadlines.emergency-fast-track must be shorter than the emergency deadline");
            }
        }
    }

    private final Settings settings;

    public DeadlinePolicy(Settings settings) {
        this.settings = settings;
    }

    public static DeadlinePolicy of(Duration emergency, Duration standard, Map<OrderType, Duration> orderTypes) {
        return new DeadlinePolicy(new Settings(emergency, standard, orderTypes, Duration.ofHours(2), Duration.ofDays(10)));
    }

    public static boolean isEmergency(LegalOrder order) {
        return order.emergency() || order.orderType() == OrderType.EMERGENCY_REQUEST;
    }

    /** How long the platform has to answer this order. */
    public Duration answerWithin(LegalOrder order) {
        if (isEmergency(order)) {
            return settings.emergency();
        }
        return settings.orderTypes().getOrDefault(order.orderType(), settings.standard());
    }

    public Date answerDueAt(LegalOrder order, Date now) {
        return Date.from(now.toInstant().plus(answerWithin(order)));
    }

    /**
     * When an open analysis or approval is escalated: at the due date; for emergencies when the clock is nearly out
     * (the fast-track margin before the due date, or at once when less is left).
     */
    public Date escalationAt(LegalOrder order, Date answerDueAt, Date now) {
        if (!isEmergency(order)) {
            return answerDueAt;
        }
        Instant fastTrack = answerDueAt.toInstant().minus(settings.emergencyFastTrack());
        return Date.from(fastTrack.isBefore(now.toInstant()) ? now.toInstant() : fastTrack);
    }

    /** Due date of the legal analysis completed after an emergency disclosure approved alone. */
    public Date reviewDueAt(Date now) {
        return Date.from(now.toInstant().plus(settings.review()));
    }

    /** Task priority: emergencies first. */
    public int priority(LegalOrder order) {
        return isEmergency(order) ? PRIORITY_EMERGENCY : PRIORITY_STANDARD;
    }

    /** Priority of an escalated task and of the copies handed to the approvers. */
    public int escalatedPriority(LegalOrder order) {
        return Math.max(priority(order), PRIORITY_ESCALATED);
    }
}
