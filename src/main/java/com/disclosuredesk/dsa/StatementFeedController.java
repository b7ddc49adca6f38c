package com.disclosuredesk.dsa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.disclosuredesk.common.SqlTimes;
import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.Problem;
import com.disclosuredesk.web.ProblemType;
import com.disclosuredesk.web.QueryNumbers;
import com.disclosuredesk.web.SignInProblems;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/content-reports/statements?after=N&limit=M}: the statements of reasons queued for the DSA
 * Transparency Database ({@code cr_statement}), in id order, for administrators and {@code transparency-exporters}
 * ({@code security.SecurityConfiguration}; the literal path wins over {@code GET /api/content-reports/{caseNumber}}).
 * Each row with its state (QUEUED, STORED, REJECTED: an incident), its puid and the statement as the Database's API
 * takes it, as a JSON object; {@code next} is the cursor for the next page. A platform that sends its statements
 * itself reads this feed instead of enabling {@link StatementSender}. Statements carry no personal data.
 */
@RestController
@RequestMapping(path = "/api/content-reports/statements", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Content reports", description = "Notices of illegal content, their cases and what follows from them")
public class StatementFeedController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    /** One queued statement. */
    @Schema(description = "A statement of reasons in the DSA Transparency Database queue")
    public record QueuedStatement(
            @Schema(description = "Position in the queue (the cursor)") long id,
            @Schema(description = "The platform's unique identifier of the statement") String puid,
            @Schema(description = "The case") String caseNumber,
            @Schema(description = "The decision (or reversal) the statement is about") long decisionId,
            @Schema(description = "QUEUED, STORED or REJECTED (an incident: see lastAnswer)") String state,
            @Schema(description = "Times it was sent") int attempts,
            Instant createdAt,
            @Schema(description = "When the Database stored it (201, or found by existing-puid)") Instant storedAt,
            @Schema(description = "The Database's answer to the last attempt (status and reasons)") String lastAnswer,
            @Schema(description = "The statement as POST /api/v1/statement(s) takes it", type = "object")
            @JsonRawValue String statement) {}

    /** A page of the feed. */
    @Schema(description = "A page of the statements queue")
    public record Page(List<QueuedStatement> statements,
                       @Schema(description = "Pass as after for the next page (the last id of this page, or the after given)") long next) {}

    private final JdbcClient jdbc;

    public StatementFeedController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Operation(summary = "Statements of reasons for the DSA Transparency Database", description = "The queue of "
            + "statements (Art. 24(5) DSA), one per decision that restricts content and one per reversal, in id order, "
            + "with their state. Poll with after = next of the page before. limit: 1 to 1000 (default 100). For "
            + "administrators and transparency-exporters.")
    @ApiResponse(responseCode = "200", description = "The statements after the given id.")
    @ApiResponse(responseCode = "400", description = "after or limit is not a valid number.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @SignInProblems
    @GetMapping
    public Page feed(
            @Parameter(description = "the last id read (0: from the start)") @RequestParam(required = false) String after,
            @Parameter(description = "at most this many (1 to 1000, default 100)") @RequestParam(required = false) String limit) {
        List<FieldProblem> problems = new ArrayList<>();
        long afterId = QueryNumbers.whole(after, 0, 0, Long.MAX_VALUE, "after", "must be a whole number of 0 or more",
                problems);
        int max = (int) QueryNumbers.whole(limit, DEFAULT_LIMIT, 1, MAX_LIMIT, "limit",
                "must be a whole number from 1 to " + MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new ApiProblemException(ProblemType.INVALID_REPORT_REQUEST,
                    ApiProblemException.fieldsDetail("Parameters with problems: ", problems), problems,
                    "Invalid statements feed parameters");
        }
        List<QueuedStatement> rows = jdbc.sql("""
                        SELECT id, puid, case_number, decision_id, state, attempts, created_at, stored_at, last_answer, statement
                        FROM cr_statement WHERE id > ? ORDER BY id FETCH FIRST ? ROWS ONLY
                        """)
                .params(afterId, max)
                .query((rs, n) -> new QueuedStatement(rs.getLong("id"), rs.getString("puid"), rs.getString("case_number"),
                        rs.getLong("decision_id"), rs.getString("state"), rs.getInt("attempts"),
                        SqlTimes.instant(rs, "created_at"), SqlTimes.instant(rs, "stored_at"),
                        rs.getString("last_answer"), rs.getString("statement")))
                .list();
        return new Page(rows, rows.isEmpty() ? afterId : rows.get(rows.size() - 1).id());
    }
}
