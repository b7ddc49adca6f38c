package com.disclosuredesk.referral;

import java.util.List;

import com.disclosuredesk.security.Caller;
import com.disclosuredesk.web.SignInProblems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/content-reports/referrals}: the referrals of content cases to authorities (Art. 18 DSA), newest
 * first, for legal staff (legal-analysts, legal-approvers), moderation leads and administrators
 * ({@code security.SecurityConfiguration}). The account a referral names is shown to legal staff and administrators
 * only ({@link Caller#isStaff}): they already see the targets of legal orders; moderation leads see the cases.
 */
@RestController
@RequestMapping(path = "/api/content-reports/referrals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Content reports", description = "Notices of illegal content, their cases and what follows from them")
public class ReferralController {

    /** The largest page. */
    static final int MAX_LIMIT = 500;

    private final Referrals referrals;

    public ReferralController(Referrals referrals) {
        this.referrals = referrals;
    }

    @GetMapping
    @Operation(summary = "List referrals to authorities (Art. 18)", description = "Referrals of content cases that a "
            + "moderator flagged as a threat to life or safety, newest first. Page on with `after` = the `id` of the last "
            + "referral of the page before. `accountKey` (the account concerned, as legal orders name targets) only for "
            + "legal staff and administrators.")
    @ApiResponse(responseCode = "200", description = "A page of referrals, newest first (empty after the oldest).")
    @SignInProblems
    public List<Referral> list(
            @Parameter(description = "Only referrals older than this id (the last `id` of the page before)")
            @RequestParam(required = false) Long after,
            @Parameter(description = "At most this many (1-500, default 100; out of range is clamped)")
            @RequestParam(defaultValue = "100") int limit,
            Authentication caller) {
        List<Referral> page = referrals.page(after, Math.max(1, Math.min(limit, MAX_LIMIT)));
        return Caller.isStaff(caller) ? page : page.stream().map(Referral::withoutAccount).toList();
    }
}
