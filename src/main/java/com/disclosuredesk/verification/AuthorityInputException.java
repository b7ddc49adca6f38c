package com.disclosuredesk.verification;

import java.util.List;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.ProblemType;

/** A registration of a known authority with invalid fields; each is named, no value is repeated. */
public class AuthorityInputException extends ApiProblemException {

    private final transient List<FieldProblem> problems;

    public AuthorityInputException(List<FieldProblem> problems) {
        super(ProblemType.INVALID_AUTHORITY, fieldsDetail("Fields with problems: ", problems), problems, "Invalid fields: " + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
