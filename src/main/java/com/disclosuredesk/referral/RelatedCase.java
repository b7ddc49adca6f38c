package com.disclosuredesk.referral;

import java.time.Instant;

/** A content case referred to an authority (Art. 18) about an account that a legal order names. No personal data. */
public record RelatedCase(String caseNumber, String country, Instant referredAt) {}
