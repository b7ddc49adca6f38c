package com.disclosuredesk.order;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.disclosuredesk.order.OrderDecisions.Decision;
import com.disclosuredesk.order.OrderDecisions.Step;

/**
 * What a disclosure may contain and who decided it, read from the order's recorded decisions only: the latest
 * approval (or an approval alone of an emergency), the analysis it approved, four eyes between them, and categories
 * within what the order asked for and the policy allows. Plain logic, tested without the engine.
 *
 * @param analysedBy null for an emergency approved by an approver alone (the analysis follows the disclosure)
 */
public record ApprovedDisclosure(Set<DataCategory> categories, String analysedBy, String approvedBy, Instant approvedAt,
                                 boolean approvedAlone) {

    /** Approvals: APPROVE of an approval, or APPROVE of an emergency approval alone. */
    static final String APPROVE = "APPROVE";
    static final String DISCLOSE = "DISCLOSE";

    /**
     * The approved disclosure of an order, from its decisions (oldest first) and the categories it requested.
     *
     * @throws NotApprovedException when the records do not hold an approval that allows a disclosure
     */
    public static ApprovedDisclosure of(List<Decision> decisions, Set<DataCategory> requested) {
        Decision approval = latestApproval(decisions)
                .orElseThrow(() -> new NotApprovedException("no approval is on record"));
        if (!APPROVE.equals(approval.decision())) {
            throw new NotApprovedException("the latest approval on record is " + approval.decision());
        }
        if (approval.step() == Step.EMERGENCY_APPROVAL) {
            return new ApprovedDisclosure(within(approval.categories(), requested), null, approval.decidedBy(),
                    approval.decidedAt(), true);
        }
        Decision analysis = decisions.stream().filter(d -> approval.basedOnId() != null && d.id() == approval.basedOnId())
                .findFirst().orElseThrow(() -> new NotApprovedException("the approval names no analysis on record"));
        Decision latestAnalysis = decisions.stream().filter(d -> d.step() == Step.ANALYSIS).reduce((a, b) -> b).orElseThrow();
        if (analysis.step() != Step.ANALYSIS || latestAnalysis.id() != analysis.id()) {
            throw new NotApprovedException("the approval is not of the latest analysis on record");
        }
        if (!DISCLOSE.equals(analysis.decision())) {
            throw new NotApprovedException("the analysis on record decided " + analysis.decision());
        }
        if (analysis.decidedBy().equals(approval.decidedBy())) {
            throw new NotApprovedException("four eyes: the same person analysed and approved");
        }
        return new ApprovedDisclosure(within(analysis.categories(), requested), analysis.decidedBy(), approval.decidedBy(),
                approval.decidedAt(), false);
    }

    private static Optional<Decision> latestApproval(List<Decision> decisions) {
        Decision found = null;
        for (Decision d : decisions) {
            if (d.step() == Step.APPROVAL || d.step() == Step.EMERGENCY_APPROVAL && APPROVE.equals(d.decision())) {
                found = d;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Set<DataCategory> within(Set<DataCategory> approved, Set<DataCategory> requested) {
        if (approved.isEmpty()) {
            throw new NotApprovedException("no category is approved");
        }
        Set<DataCategory> outside = EnumSet.copyOf(approved);
        outside.removeIf(c -> c.withinPolicy() && requested.contains(c));
        if (!outside.isEmpty()) {
            throw new NotApprovedException(outside + " are not both requested by the order and within the policy");
        }
        return EnumSet.copyOf(approved);
    }

    /** The records hold no approval that allows a disclosure: the disclosure step fails (an incident in Cockpit). */
    public static class NotApprovedException extends IllegalStateException {
        public NotApprovedException(String reason) {
            super("No disclosure: " + reason);
        }
    }
}
