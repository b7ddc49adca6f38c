package com.disclosuredesk.validity;

import java.util.List;

/** The outcome of the validity check with every reason; VALID has none. */
public record ValidityResult(ValidityOutcome outcome, List<String> reasons) {

    static ValidityResult of(List<Finding> findings) {
        ValidityOutcome outcome = ValidityOutcome.VALID;
        if (findings.stream().anyMatch(f -> f.outcome() == ValidityOutcome.INVALID)) {
            outcome = ValidityOutcome.INVALID;
        } else if (findings.stream().anyMatch(f -> f.outcome() == ValidityOutcome.INCOMPLETE)) {
            outcome = ValidityOutcome.INCOMPLETE;
        }
        return new ValidityResult(outcome, findings.stream().map(Finding::reason).distinct().toList());
    }
}
