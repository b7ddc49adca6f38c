package com.disclosuredesk.intake;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

/** No user of the group intake-systems has this id. */
public class UnknownIntakeAccountException extends ApiProblemException {
    public UnknownIntakeAccountException(String userId) {
        super(ProblemType.INTAKE_ACCOUNT_NOT_FOUND, "No intake account " + userId + " (a user of the group intake-systems).");
    }
}
