package com.disclosuredesk.notice;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

/**
 * No such case, or none the caller may see (a gateway sees only cases with its own notices): 404 {@code case-not-found},
 * the same answer either way, so that nobody learns of other gateways' cases.
 */
public class CaseNotFoundException extends ApiProblemException {

    public CaseNotFoundException(String caseNumber) {
        super(ProblemType.CASE_NOT_FOUND, "No case " + caseNumber + ", or none with a notice of the caller.");
    }
}
