package com.disclosuredesk.transparency;

import java.time.Duration;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

import com.disclosuredesk.web.OpenApiConfiguration;
import com.disclosuredesk.web.Problem;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public: anyone can check that the transparency ledger's hash chain is intact (legal orders, moderation decisions
 * and complaint outcomes in one sequence), and that a head hash published with an earlier report is still the hash
 * of that entry (the chain was not rewritten since). The verification is cached by head and rate-limited per
 * client ({@link LedgerVerification}, {@link VerificationRateLimit}), so it cannot be used to load the server.
 */
@RestController
@RequestMapping(path = "/api/transparency", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Transparency", description = "Public: the transparency ledger")
public class LedgerController {

    private final TransparencyLedger ledger;
    private final LedgerVerification verification;
    private final VerificationRateLimit rateLimit;

    public LedgerController(TransparencyLedger ledger, LedgerVerification verification, VerificationRateLimit rateLimit) {
        this.ledger = ledger;
        this.verification = verification;
        this.rateLimit = rateLimit;
    }

    /** The whole chain recomputed (cached while the head does not move); 429 with Retry-After when asked too often. */
    @Operation(summary = "Verify the whole hash chain of the transparency ledger",
            description = "Legal orders, moderation decisions and complaint outcomes in one sequence. The result is kept "
                    + "until the head moves; then only the new entries are recomputed from the verified head, and the "
                    + "whole chain again at least every full-every (docs/transparency.md).")
    @ApiResponse(responseCode = "200", description = "Intact, or the first broken entry with the problem.")
    @ApiResponse(responseCode = "429", description = "Asked too often from this address: try again after Retry-After seconds.",
            headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(type = "integer")),
            content = @Content(mediaType = OpenApiConfiguration.PROBLEM_JSON, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "too-many-requests", value = """
                            {"type": "https://disclosuredesk.example/problems/too-many-requests", "title": "Too many requests",
                             "status": 429, "detail": "The ledger verification was asked for too often from this address; try again in 2 s. The result only changes when the ledger's head moves."}""")))
    @GetMapping("/ledger/verification")
    public TransparencyLedger.Verification verification(HttpServletRequest request) {
        Duration wait = rateLimit.take(request.getRemoteAddr());
        if (!wait.isZero()) {
            throw new TooManyVerificationsException(wait);
        }
        return verification.current();
    }

    /** The hashes of one entry (no content): its own and the one it links to. */
    @GetMapping("/ledger/entries/{seq}")
    public TransparencyLedger.Link link(@PathVariable long seq) {
        return ledger.link(seq).orElseThrow(() -> new NoSuchEntryException(seq));
    }

    public static class NoSuchEntryException extends ApiProblemException {
        public NoSuchEntryException(long seq) {
            super(ProblemType.LEDGER_ENTRY_NOT_FOUND, "The ledger has no entry " + seq + ".");
        }
    }

    /** 429 Too Many Requests, {@code application/problem+json}, with {@code Retry-After} in whole seconds. */
    public static class TooManyVerificationsException extends ApiProblemException {
        public TooManyVerificationsException(Duration wait) {
            super(ProblemType.TOO_MANY_REQUESTS, "The ledger verification was asked for too often from this address; "
                    + "try again in " + seconds(wait) + " s. The result only changes when the ledger's head moves.");
            getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(wait)));
        }

        private static long seconds(Duration wait) {
            return Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
        }
    }
}
