package com.disclosuredesk.transparency;

import java.util.List;
import java.util.stream.Collectors;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.ProblemType;

/** A request for a report with bad parameters: each problem names its parameter (never echoes a value). */
public class ReportRequestException extends ApiProblemException {

    private final transient List<FieldProblem> problems;

    public ReportRequestException(List<FieldProblem> problems) {
        super(ProblemType.INVALID_REPORT_REQUEST, fieldsDetail("Parameters with problems: ", problems), problems,
                "Parameters with problems: " + problems.stream().map(p -> p.field() + " " + p.message())
                .collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
