package com.disclosuredesk.dsa;

import java.util.List;

/**
 * A statement of reasons that breaks the DSA Transparency Database's rules ({@link StatementSchema}): it is not
 * queued, and the step that made it fails (its job becomes a Cockpit incident after its retries), so that no
 * decision goes without its statement unnoticed. The message names the decision and the fields and rules broken,
 * never a value (no explanation, no name, nothing a person wrote).
 */
public class InvalidStatementException extends RuntimeException {

    private final transient List<String> violations;

    public InvalidStatementException(String what, List<String> violations) {
        super("Statement of reasons for " + what + " breaks the DSA Transparency Database schema ("
                + StatementSchema.LOCATION + "): " + String.join("; ", violations)
                + ". Not queued: correct the decision's record or the mapping (docs/transparency.md), then retry the job.");
        this.violations = List.copyOf(violations);
    }

    /** The fields and rules broken, as {@link StatementSchema#violations} names them. */
    public List<String> violations() {
        return violations;
    }
}
