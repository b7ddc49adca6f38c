package com.disclosuredesk.complaint;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

/** No complaint is possible now (no decision yet, the window closed, not about this decision): 409. */
public class ComplaintNotAllowedException extends ApiProblemException {

    public ComplaintNotAllowedException(String detail) {
        super(ProblemType.COMPLAINT_NOT_ALLOWED, detail);
    }
}
