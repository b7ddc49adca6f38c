package com.disclosuredesk.preservation;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** Preservation orders (PRESERVATION_REQUEST, EU_PRESERVATION_ORDER): freeze, extend once, delete at expiry. */
@Service
public class PreservationService {

    /**
     * Freezes a snapshot of the order's targets' requested categories within its period (idempotent: a second
     * call for the same order returns the existing record). Hold: 60 days for EU_PRESERVATION_ORDER, 90 days
     * otherwise (configurable), counted from now.
     */
    public PreservationRecord preserve(String trackingNumber) {
        throw new UnsupportedOperationException("not yet built");
    }

    /** Extends the hold once (EU +30 days, others +90 days); refused when already extended, ended or deleted. */
    public PreservationRecord extend(String trackingNumber) {
        throw new UnsupportedOperationException("not yet built");
    }

    /** Deletes the snapshot (at expiry or withdrawal), keeping the record with its digest; idempotent. */
    public PreservationRecord deleteSnapshot(String trackingNumber) {
        throw new UnsupportedOperationException("not yet built");
    }

    public Optional<PreservationRecord> find(String trackingNumber) {
        throw new UnsupportedOperationException("not yet built");
    }
}
