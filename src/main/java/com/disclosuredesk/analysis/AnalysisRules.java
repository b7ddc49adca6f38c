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

    private AnalysisRules() {}

    /** Checks the analysis and returns the categories it approves (empty unless the decision is DISCLOSE). */
    public static Set<DataCategory> check(AnalysisDecision decision, String reasoning, Set<DataCategory> approved,
                                          Set<DataCategory> requested, String analyst) {
        if (analyst == null) {
            throw new InvalidTaskInputException(LegalOrderVariables.ANALYSED_BY, "the analysis must be completed by a signed-in analyst");
        }
        if (decision == null) {
            throw new InvalidTaskInputException(LegalOrderVariables.ANALYSIS_DECISION, "is required: DISCLOSE, REJECT or NEED_INFO");
        }
        if (decision == AnalysisDecision.NEED_INFO) {
            throw new InvalidTaskInputException(LegalOrderVariables.ANALYSIS_DECISION,
                    "NEED_INFO is not available yet: ask the authority outside the tool and decide DISCLOSE or REJECT");
        }
        if (reasoning == null || reasoning.isBlank()) {
            throw new InvalidTaskInputException(LegalOrderVariables.LEGAL_REASONING, "is required");
        }
        if (reasoning.strip().length() < MIN_REASONING_LENGTH) {
            throw new InvalidTaskInputException(LegalOrderVariables.LEGAL_REASONING,
                    "must explain the decision in at least " + MIN_REASONING_LENGTH + " characters");
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
