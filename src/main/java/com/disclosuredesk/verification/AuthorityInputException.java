package com.disclosuredesk.verification;

import java.util.List;

import com.disclosuredesk.web.FieldProblem;

/** A registration of a known authority with invalid fields; each is named, no value is repeated. */
public class AuthorityInputException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public AuthorityInputException(List<FieldProblem> problems) {
        super("Invalid fields: " + String.join(", ", problems.stream().map(FieldProblem::field).distinct().toList()));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
