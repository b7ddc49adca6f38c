package com.disclosuredesk.complaint;

import java.util.List;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.ProblemType;

/** A complaint breaking the rules: 400 {@code invalid-complaint} naming every offending field. */
public class InvalidComplaintException extends ApiProblemException {

    public InvalidComplaintException(List<FieldProblem> problems) {
        super(ProblemType.INVALID_COMPLAINT, fieldsDetail("Fields with problems: ", problems), problems,
                fieldsDetail("Invalid complaint; fields: ", problems));
    }
}
