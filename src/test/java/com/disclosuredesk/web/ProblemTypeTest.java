package com.disclosuredesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** The problem types are part of the contract: clients match on these URIs, so they never change. */
class ProblemTypeTest {

    @Test
    void theTypeUrisAreTheContractsOnes() {
        assertThat(Arrays.stream(ProblemType.values()).map(type -> type.uri().toString())).containsExactlyInAnyOrder(
                "https://disclosuredesk.example/problems/invalid-order",
                "https://disclosuredesk.example/problems/unknown-field",
                "https://disclosuredesk.example/problems/malformed-json",
                "https://disclosuredesk.example/problems/payload-too-large",
                "https://disclosuredesk.example/problems/unsupported-media-type",
                "https://disclosuredesk.example/problems/method-not-allowed",
                "https://disclosuredesk.example/problems/not-acceptable",
                "https://disclosuredesk.example/problems/not-found",
                "https://disclosuredesk.example/problems/not-ready",
                "https://disclosuredesk.example/problems/too-many-requests",
                "https://disclosuredesk.example/problems/order-not-found",
                "https://disclosuredesk.example/problems/duplicate-reference",
                "https://disclosuredesk.example/problems/order-state",
                "https://disclosuredesk.example/problems/concurrent-change",
                "https://disclosuredesk.example/problems/preservation-state",
                "https://disclosuredesk.example/problems/intake-account",
                "https://disclosuredesk.example/problems/intake-account-not-found",
                "https://disclosuredesk.example/problems/disclosure-not-found",
                "https://disclosuredesk.example/problems/disclosure-expired",
                "https://disclosuredesk.example/problems/invalid-authority",
                "https://disclosuredesk.example/problems/authority-not-found",
                "https://disclosuredesk.example/problems/invalid-notification-request",
                "https://disclosuredesk.example/problems/notification-not-found",
                "https://disclosuredesk.example/problems/invalid-report-request",
                "https://disclosuredesk.example/problems/invalid-notice",
                "https://disclosuredesk.example/problems/notice-conflict",
                "https://disclosuredesk.example/problems/notifier-suspended",
                "https://disclosuredesk.example/problems/case-not-found",
                "https://disclosuredesk.example/problems/invalid-complaint",
                "https://disclosuredesk.example/problems/complaint-not-allowed",
                "https://disclosuredesk.example/problems/report-not-published",
                "https://disclosuredesk.example/problems/ledger-entry-not-found");
    }

    @Test
    void anExceptionCarriesItsProblemAndKeepsItsOwnMessage() {
        List<FieldProblem> errors = List.of(new FieldProblem("country", "must be an ISO 3166-1 alpha-2 code such as DE"),
                new FieldProblem("name", "is required"), new FieldProblem("country", "is required"));
        ApiProblemException ex = new ApiProblemException(ProblemType.INVALID_AUTHORITY,
                ApiProblemException.fieldsDetail("Fields with problems: ", errors), errors, "Invalid fields: country, name");

        ProblemDetail problem = ex.getBody();
        assertThat(ex.getStatusCode().value()).isEqualTo(400);
        assertThat(ex.getMessage()).isEqualTo("Invalid fields: country, name");
        assertThat(problem.getType()).hasToString("https://disclosuredesk.example/problems/invalid-authority");
        assertThat(problem.getTitle()).isEqualTo("The authority is invalid");
        assertThat(problem.getDetail()).isEqualTo("Fields with problems: country, name");
        assertThat(problem.getProperties()).containsEntry("errors", errors);
    }

    @Test
    void withoutFieldsThereIsNoErrorsList() {
        ProblemDetail problem = ProblemType.ORDER_STATE.problem("Order LO-2026-000001 has ended.");

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getProperties()).isNull();
    }
}
