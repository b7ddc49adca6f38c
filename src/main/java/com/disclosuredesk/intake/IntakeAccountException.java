package com.disclosuredesk.intake;

import java.util.List;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.ProblemType;

/** The calling intake account may not submit for this authority. */
public class IntakeAccountException extends ApiProblemException {

    private final String field;

    public IntakeAccountException(String field, String message) {
        super(ProblemType.INTAKE_ACCOUNT, message, List.of(new FieldProblem(field, message)), message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
