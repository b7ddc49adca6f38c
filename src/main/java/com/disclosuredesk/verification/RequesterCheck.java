package com.disclosuredesk.verification;

import java.util.Optional;

/**
 * What the registry of known authorities says about an order's requester: the registered authority (if any),
 * whether the order's contact e-mail is in its official domain, and a warning for the analyst (null when none).
 */
public record RequesterCheck(Optional<KnownAuthority> knownAuthority, boolean domainMatches, String warning) {

    /** Registered, and the contact e-mail belongs to the registered official domain. */
    public boolean recognized() {
        return knownAuthority.isPresent() && domainMatches;
    }
}
