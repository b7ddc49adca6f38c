package com.disclosuredesk.disclosure;

import com.disclosuredesk.process.OrderOutcome;

/** What the process learns of a disclosure: ids, counts and the digest. No personal data. */
public record DisclosureResult(String disclosureId, String sha256, OrderOutcome outcome, int targetCount,
                               int usersAffected, int ipEntryCount) {}
