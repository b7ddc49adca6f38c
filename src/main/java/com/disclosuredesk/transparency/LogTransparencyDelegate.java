package com.disclosuredesk.transparency;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.LegalOrderVariables;
import com.disclosuredesk.process.OrderOutcome;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_LogTransparency: every ended order appends one ledger entry and gets its final status. */
@Component
public class LogTransparencyDelegate implements JavaDelegate {

    private final TransparencyLedger ledger;
    private final OrderRepository orders;
    private final OrderTimeline timeline;

    public LogTransparencyDelegate(TransparencyLedger ledger, OrderRepository orders, OrderTimeline timeline) {
        this.ledger = ledger;
        this.orders = orders;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        OrderOutcome outcome = variables.outcome();
        LegalOrder order = orders.get(variables.trackingNumber());
        LedgerEntry entry = ledger.append(order, outcome, outcome.disclosed() ? variables.usersAffected() : 0);
        variables.setOutcome(outcome, entry.seq());
        // a withdrawal set its status when it was recorded; a disclosure when the package was made
        if (outcome == OrderOutcome.PRESERVED) {
            orders.updateStatus(order.trackingNumber(), OrderStatus.PRESERVATION_ENDED, outcome.name(), null);
        } else if (!outcome.disclosed() && outcome != OrderOutcome.WITHDRAWN) {
            orders.updateStatus(order.trackingNumber(), OrderStatus.REJECTED, outcome.name(), reasonFor(outcome, variables));
        }
        timeline.record(order.trackingNumber(), TimelineStep.CLOSED, null,
                "Order closed as " + outcome + "; transparency ledger entry " + entry.seq() + ".");
    }

    /** What the authority is told when its order is refused. Internal legal reasoning stays internal. */
    static String reasonFor(OrderOutcome outcome, LegalOrderVariables variables) {
        return switch (outcome) {
            case INVALID -> variables.validityReasonsText();
            case REJECTED -> "After legal analysis, the platform does not disclose data on this order.";
            case UNVERIFIED -> "The platform could not verify the requesting authority through a known channel.";
            default -> null;
        };
    }
}
