package com.disclosuredesk.analysis;

import java.util.EnumSet;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.process.AnalysisDecision;
import com.disclosuredesk.process.InvalidTaskInputException;
import com.disclosuredesk.process.LegalOrderVariables;

/**
 * What a completed legal analysis must hold. Plain logic, tested without the engine; violations are
 * refused with a message that names the variable.
 */
public final class AnalysisRules {

    public static final int MIN_REASONING_LENGTH = 20;
    public static final int MIN_REQUEST_LENGTH = 10;

    private AnalysisRules() {}

    /** Checks the analysis and returns the categories it approves (empty unless the decision is DISCLOSE). */
    public static Set<DataCategory> check(AnalysisDecision decision, String reasoning, Set<DataCategory> approved,
                                          Set<DataCategory> requested, String analyst) {
        return check(decision, reasoning, approved, requested, analyst, null);
    }

    /** As above; with NEED_INFO, {@code informationRequested} says what the authority is asked for. */
    public static Set<DataCategory> check(AnalysisDecision decision, String reasoning, Set<DataCategory> approved,
                                          Set<DataCategory> requested, String analyst, String informationRequested) {
        if (analyst == null) {
            throw new InvalidTaskInputException(LegalOrderVariables.ANALYSED_BY, "the analysis must be completed by a signed-in analyst");
        }
        if (decision == null) {
            throw new InvalidTaskInputException(LegalOrderVariables.ANALYSIS_DECISION, "is required: DISCLOSE, REJECT or NEED_INFO");
        }
        if (reasoning == null || reasoning.isBlank()) {
            throw new InvalidTaskInputException(LegalOrderVariables.LEGAL_REASONING, "is required");
        }
        if (reasoning.strip().length() < MIN_REASONING_LENGTH) {
            throw new InvalidTaskInputException(LegalOrderVariables.LEGAL_REASONING,
                    "must explain the decision in at least " + MIN_REASONING_LENGTH + " characters");
        }
        if (decision == AnalysisDecision.NEED_INFO
                && (informationRequested == null || informationRequested.strip().length() < MIN_REQUEST_LENGTH)) {
            throw new InvalidTaskInputException(LegalOrderVariables.INFORMATION_REQUESTED,
                    "must say in at least " + MIN_REQUEST_LENGTH + " characters what the authority is asked for when the decision is NEED_INFO");
        }
        if (decision != AnalysisDecision.DISCLOSE) {
            return EnumSet.noneOf(DataCategory.class);
        }
        if (approved.isEmpty()) {
            throw new InvalidTaskInputException(LegalOrderVariables.APPROVED_CATEGORIES,
                    "must name at least one category when the decision is DISCLOSE");
        }
        Set<DataCategory> notAllowed = EnumSet.noneOf(DataCategory.class);
        for (DataCategory category : approved) {
            if (!category.withinPolicy() || !requested.contains(category)) {
                notAllowed.add(category);
            }
        }
        if (!notAllowed.isEmpty()) {
            throw new InvalidTaskInputException(LegalOrderVariables.APPROVED_CATEGORIES,
                    notAllowed + " cannot be approved: only categories the order requests and the policy allows (IP_ADDRESS, PHONE_NUMBER)");
        }
        return approved;
    }
}
