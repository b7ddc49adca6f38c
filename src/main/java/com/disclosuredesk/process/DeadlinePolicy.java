package com.disclosuredesk.process;

import java.time.Duration;
import java.util.Date;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** When an order must be answered (EU e-Evidence: 8 hours in emergencies, 10 days otherwise) and how urgent its tasks are. */
@Component
public class DeadlinePolicy {

    private final Duration emergency;
    private final Duration standard;

    public DeadlinePolicy(@Value("${disclosure-desk.deadlines.emergency:PT8H}") Duration emergency,
                          @Value("${disclosure-desk.deadlines.standard:P10D}") Duration standard) {
        this.emergency = emergency;
        this.standard = standard;
    }

    public Date answerDueAt(LegalOrder order, Date now) {
        return Date.from(now.toInstant().plus(isEmergency(order) ? emergency : standard));
    }

    /** Task priority: emergencies first. */
    public int priority(LegalOrder order) {
        return isEmergency(order) ? 90 : 50;
    }

    private static boolean isEmergency(LegalOrder order) {
        return order.emergency() || order.orderType() == OrderType.EMERGENCY_REQUEST;
    }
}
