package com.disclosuredesk.verification;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** The registry of known authorities (table dd_known_authority). */
@Service
public class AuthorityRegistry {

    /** The registered authority of that country and name (name compared case-insensitively, trimmed). */
    public Optional<KnownAuthority> find(String country, String name) {
        throw new UnsupportedOperationException("not yet built");
    }

    /** Registers (or re-verifies, updating domain, contact, verifier and time) an authority. */
    public KnownAuthority register(String country, String name, String contactDomain, String knownContact, String verifiedBy) {
        throw new UnsupportedOperationException("not yet built");
    }

    public List<KnownAuthority> list() {
        throw new UnsupportedOperationException("not yet built");
    }

    /**
     * Checks an order's requester against the registry: unknown authority → warning; registered but the e-mail's
     * domain (after '@', case-insensitive; sub-domains of the official domain match) differs → warning naming both
     * domains; registered and matching → no warning.
     */
    public RequesterCheck check(String country, String name, String contactEmail) {
        throw new UnsupportedOperationException("not yet built");
    }
}
