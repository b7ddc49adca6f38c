package com.disclosuredesk.notice;

import java.util.List;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.ProblemType;

/** A notice breaking the rules: 400 {@code invalid-notice} naming every offending field (never a value). */
public class InvalidNoticeException extends ApiProblemException {

    private final transient List<FieldProblem> problems;

    public InvalidNoticeException(List<FieldProblem> problems) {
        super(ProblemType.INVALID_NOTICE, fieldsDetail("Fields with problems: ", problems), problems,
                fieldsDetail("Invalid notice; fields: ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
