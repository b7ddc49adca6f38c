package com.disclosuredesk.complaint;

import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_REPORT_GATEWAYS;

import java.time.Instant;

import com.disclosuredesk.notice.ApiJsonProblems;
import com.disclosuredesk.notice.ContentReportApiExamples;
import com.disclosuredesk.security.Caller;
import com.disclosuredesk.web.Problem;
import com.disclosuredesk.web.ProblemType;
import com.disclosuredesk.web.SignInProblems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/** Complaints about a case's decision (DSA Art. 20), from gateways and trusted flaggers. */
@RestController
@Tag(name = "Content reports")
public class ComplaintController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final ComplaintIntakeService intake;
    private final ApiJsonProblems jsonProblems;

    public ComplaintController(ComplaintIntakeService intake, ApiJsonProblems jsonProblems) {
        this.intake = intake;
        this.jsonProblems = jsonProblems;
    }

    @Schema(description = "A complaint, accepted")
    public record ComplaintAccepted(long complaintId, String caseNumber,
                                    @Schema(description = "IN_REVIEW: a moderator reviews it now; PENDING: after the complaint in review")
                                    ComplaintStatus status, Instant receivedAt) {}

    @Operation(summary = "Complain about a case's decision", description = "The uploader (through a member of report-gateways, "
            + "about a removal or restriction only) or a notifier (noticeId: their notice on this case) complains about the "
            + "decision in force, within six months of it. Another moderator than the one who decided reviews it; the answer "
            + "comes through the messages. 202: accepted (IN_REVIEW, or PENDING behind a complaint in review).")
    @ApiResponse(responseCode = "202", description = "Accepted.", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = ComplaintAccepted.class),
            examples = @ExampleObject(name = "accepted", summary = "Accepted", value = ContentReportApiExamples.COMPLAINT_ACCEPTED)))
    @ApiResponse(responseCode = "400", description = "Fields breaking the rules, each named.", content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "invalidComplaint", summary = "Missing fields", value = ContentReportApiExamples.INVALID_COMPLAINT)))
    @ApiResponse(responseCode = "404", description = "No such case, or none with a notice of the caller.", content = @Content(
            mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "caseNotFound", summary = "Not found", value = ContentReportApiExamples.CASE_NOT_FOUND)))
    @ApiResponse(responseCode = "409", description = "No complaint is possible: no decision yet, the six months are over, or the "
            + "uploader complains about a decision to take no action.", content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "windowClosed", summary = "Too late", value = ContentReportApiExamples.COMPLAINT_WINDOW_CLOSED)))
    @SignInProblems
    @PostMapping(path = "/api/content-reports/{caseNumber}/complaints", consumes = JSON, produces = JSON)
    public ResponseEntity<ComplaintAccepted> complain(@PathVariable String caseNumber,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = JSON,
                    schema = @Schema(implementation = ComplaintSubmission.class),
                    examples = @ExampleObject(name = "notifier", summary = "A notifier's complaint", value = ContentReportApiExamples.COMPLAINT)))
            @RequestBody ComplaintSubmission complaint, Authentication caller) {
        String gatewayAuthority = Caller.authority(GROUP_REPORT_GATEWAYS);
        boolean platformGateway = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(gatewayAuthority::equals);
        ComplaintIntakeService.Accepted accepted = intake.submit(caseNumber, complaint, caller.getName(), platformGateway);
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ComplaintAccepted(accepted.complaintId(), accepted.caseNumber(), accepted.status(), accepted.receivedAt()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, WebRequest request) throws Exception {
        return jsonProblems.unreadable(ex, request, ProblemType.INVALID_COMPLAINT, "a complaint");
    }
}
