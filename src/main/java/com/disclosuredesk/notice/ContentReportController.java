package com.disclosuredesk.notice;

import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_MODERATION_LEADS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_MODERATORS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_REPORT_GATEWAYS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_TRUSTED_FLAGGERS;
import static com.disclosuredesk.process.LegalOrderProcess.GROUP_ADMIN;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.moderation.CaseStatus;
import com.disclosuredesk.moderation.ModerationCase;
import com.disclosuredesk.moderation.ModerationMessages;
import com.disclosuredesk.security.Caller;
import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.FieldProblem;
import com.disclosuredesk.web.Problem;
import com.disclosuredesk.web.ProblemType;
import com.disclosuredesk.web.QueryNumbers;
import com.disclosuredesk.web.SignInProblems;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The content-report API of gateways and trusted flaggers (PRODUCT.md "Part two"): submit a notice, follow a case,
 * read the messages to deliver. Who may call what is in {@code security.SecurityConfiguration}; what a caller sees is
 * decided here: a gateway sees a case only with its own notices in it, and of the notices only its own; staff see the
 * case without notices; nobody sees who decided.
 */
@RestController
@Tag(name = "Content reports", description = "Notices of illegal content (DSA Art. 16): submit, follow, deliver messages")
@RequestMapping(path = "/api/content-reports", produces = MediaType.APPLICATION_JSON_VALUE)
public class ContentReportController {

    private static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final Set<String> STAFF = Set.of(Caller.authority(GROUP_MODERATORS), Caller.authority(GROUP_MODERATION_LEADS),
            Caller.authority(GROUP_ADMIN));

    private final NoticeIntakeService intake;
    private final NoticeRepository notices;
    private final CaseRepository cases;
    private final CaseDecisions decisions;
    private final ModerationMessages messages;
    private final ApiJsonProblems jsonProblems;

    public ContentReportController(NoticeIntakeService intake, NoticeRepository notices, CaseRepository cases,
                                   CaseDecisions decisions, ModerationMessages messages, ApiJsonProblems jsonProblems) {
        this.intake = intake;
        this.notices = notices;
        this.cases = cases;
        this.decisions = decisions;
        this.messages = messages;
        this.jsonProblems = jsonProblems;
    }

    /** The answer to a notice. */
    @Schema(description = "The receipt of a notice")
    public record NoticeReceipt(long noticeId, String externalId, String caseNumber,
                                @Schema(description = "The case's status now") CaseStatus status, Instant receivedAt,
                                Disposition disposition, String sourceType) {}

    /** A case as the API shows it. {@code notices}: only the caller's own (absent for staff). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CaseView(String caseNumber, CaseStatus status, String subjectType, String subjectReference, String category,
                           String specification, int noticeCount, int trustedNoticeCount, Instant createdAt,
                           DecisionView decision, List<NoticeView> notices) {}

    /** The decision in force: never who decided. */
    public record DecisionView(String decision, String ground, String groundReference, Instant decidedAt) {}

    public record NoticeView(long noticeId, String externalId, Instant receivedAt, Disposition disposition) {}

    /** A message the gateway delivers; {@code body} is a JSON object. */
    public record FeedMessage(long id, String kind, String caseNumber, Long noticeId, String recipient, String notifierRef,
                              Long accountId, Instant createdAt,
                              @JsonRawValue @Schema(type = "object", description = "The message (text, decision, redress, ...)") String body) {}

    @Operation(summary = "Submit a notice", description = "Validates the notice field by field, stores it once per gateway and "
            + "externalId, puts it in the case of its normalised subject (joins the open case, gets the decision of the last "
            + "30 days, or starts a new case) and sends the receipt. The same externalId with the same body again: 200 with the "
            + "same notice; with another body: 409. A notifier suspended under Art. 23: 403. Nothing is stored when refused.")
    @ApiResponse(responseCode = "201", description = "Received: the notice, its case and its disposition.",
            headers = @Header(name = "Location", description = "/api/content-reports/{caseNumber} of the case", schema = @Schema(type = "string")),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = NoticeReceipt.class), examples = {
                    @ExampleObject(name = "started", summary = "The first notice about a subject starts a case",
                            value = ContentReportApiExamples.RECEIPT_STARTED),
                    @ExampleObject(name = "joined", summary = "A later notice joins the open case",
                            value = ContentReportApiExamples.RECEIPT_JOINED)}))
    @ApiResponse(responseCode = "200", description = "Resubmission: this gateway sent this externalId with the same body before.",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = NoticeReceipt.class),
                    examples = @ExampleObject(name = "resubmitted", summary = "The notice received before",
                            value = ContentReportApiExamples.RECEIPT_STARTED)))
    @ApiResponse(responseCode = "400", description = "Not a valid notice: every offending field is named.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class), examples = {
                    @ExampleObject(name = "invalidNotice", summary = "Fields breaking the rules", value = ContentReportApiExamples.INVALID_NOTICE),
                    @ExampleObject(name = "unknownField", summary = "A field that is not part of a notice",
                            value = ContentReportApiExamples.UNKNOWN_FIELD)}))
    @ApiResponse(responseCode = "409", description = "The externalId was used by this gateway for a notice with other content.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "noticeConflict", summary = "externalId used before",
                            value = ContentReportApiExamples.CONFLICT)))
    @ApiResponse(responseCode = "403", description = "The notifier is suspended (Art. 23), or the caller's groups do not allow this.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "notifierSuspended", summary = "Suspended until a given time",
                            value = ContentReportApiExamples.SUSPENDED)))
    @SignInProblems
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<NoticeReceipt> submit(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = JSON,
                    schema = @Schema(implementation = NoticeSubmission.class), examples = {
                    @ExampleObject(name = "notice", summary = "The spec's example: terrorist content in a message",
                            value = ContentReportApiExamples.NOTICE),
                    @ExampleObject(name = "anonymousCsam", summary = "Child sexual abuse material may be reported anonymously",
                            value = ContentReportApiExamples.ANONYMOUS_CSAM)}))
            @RequestBody NoticeSubmission submission, Authentication caller) {
        boolean trusted = has(caller, GROUP_TRUSTED_FLAGGERS);
        NoticeIntakeService.Receipt receipt = intake.submit(submission, caller.getName(), trusted);
        NoticeReceipt body = new NoticeReceipt(receipt.noticeId(), receipt.externalId(), receipt.caseNumber(), receipt.status(),
                receipt.receivedAt(), receipt.disposition(), receipt.sourceType());
        URI location = URI.create("/api/content-reports/" + receipt.caseNumber());
        return receipt.created() ? ResponseEntity.created(location).body(body) : ResponseEntity.ok().location(location).body(body);
    }

    @Operation(summary = "Messages to deliver", description = "What this gateway delivers to people, in order: receipts, "
            + "decisions to notifiers, complaint receipts and outcomes, Art. 23 warnings; members of report-gateways also get "
            + "the uploaders' statements of reasons. Poll with after = the last id read. limit: 1 to 1000 (default 100).")
    @ApiResponse(responseCode = "200", description = "The next messages after the given id.", content = @Content(mediaType = JSON,
            array = @ArraySchema(schema = @Schema(implementation = FeedMessage.class)),
            examples = @ExampleObject(name = "receipt", summary = "A receipt", value = ContentReportApiExamples.MESSAGES)))
    @ApiResponse(responseCode = "400", description = "after or limit is not a valid number.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "badParameters", summary = "limit out of range",
                            value = ContentReportApiExamples.BAD_FEED_PARAMETERS)))
    @SignInProblems
    @GetMapping("/messages")
    public List<FeedMessage> messages(
            @Parameter(description = "the last message id read (0: from the start)") @RequestParam(required = false) String after,
            @Parameter(description = "at most this many (1 to 1000, default 100)") @RequestParam(required = false) String limit,
            Authentication caller) {
        List<FieldProblem> problems = new ArrayList<>();
        long afterId = QueryNumbers.whole(after, 0, 0, Long.MAX_VALUE, "after", "must be a whole number of 0 or more",
                problems);
        int max = (int) QueryNumbers.whole(limit, DEFAULT_LIMIT, 1, MAX_LIMIT, "limit",
                "must be a whole number from 1 to " + MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw new ApiProblemException(ProblemType.INVALID_REPORT_REQUEST,
                    ApiProblemException.fieldsDetail("Parameters with problems: ", problems), problems, "Invalid feed parameters");
        }
        return messages.feed(caller.getName(), has(caller, GROUP_REPORT_GATEWAYS), afterId, max).stream()
                .map(m -> new FeedMessage(m.id(), m.kind().name(), m.caseNumber(), m.noticeId(), m.recipient().name(),
                        m.notifierRef(), m.accountId(), m.createdAt(), m.body()))
                .toList();
    }

    @Operation(summary = "Status of a case", description = "The case's status, the decision in force (never who decided) and "
            + "its counts, with the notices this caller submitted. A gateway sees only cases with its own notices; any other case "
            + "number answers 404. Moderators, moderation leads and administrators see the case without notices.")
    @ApiResponse(responseCode = "200", description = "The case.", content = @Content(mediaType = JSON,
            schema = @Schema(implementation = CaseView.class),
            examples = @ExampleObject(name = "decided", summary = "A decided case", value = ContentReportApiExamples.CASE)))
    @ApiResponse(responseCode = "404", description = "No such case, or none with a notice of the caller.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "caseNotFound", summary = "Not found", value = ContentReportApiExamples.CASE_NOT_FOUND)))
    @SignInProblems
    @GetMapping("/{caseNumber}")
    public CaseView status(@PathVariable String caseNumber, Authentication caller) {
        ModerationCase found = cases.find(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        List<NoticeView> own = null;
        if (!isStaff(caller)) {
            own = notices.ofCase(caseNumber, caller.getName()).stream()
                    .map(n -> new NoticeView(n.id(), n.externalId(), n.receivedAt(), n.disposition())).toList();
            if (own.isEmpty()) {
                throw new CaseNotFoundException(caseNumber);
            }
        }
        DecisionView decision = decisions.find(found.decisionId())
                .map(d -> new DecisionView(d.decision(), d.ground(), d.groundReference(), d.decidedAt())).orElse(null);
        return new CaseView(found.caseNumber(), found.status(), found.subjectType(), found.subjectReference(), found.category(),
                found.specification(), found.noticeCount(), found.trustedNoticeCount(), found.createdAt(), decision, own);
    }

    /** Unknown fields and wrong JSON types, in a notice's words; everything else as the rest of the API answers it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException ex, WebRequest request) throws Exception {
        return jsonProblems.unreadable(ex, request, ProblemType.INVALID_NOTICE, "a notice");
    }

    static boolean has(Authentication caller, String group) {
        String authority = Caller.authority(group);
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(authority::equals);
    }

    static boolean isStaff(Authentication caller) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(STAFF::contains);
    }
}
