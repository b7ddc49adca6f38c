package com.disclosuredesk.disclosure;

import java.util.Optional;

/**
 * Where a disclosure finds the preserved data that a production order builds on ({@code preservationReference}).
 * The preservation package implements it ({@code PreservationService}); the disclosure package depends on this
 * interface only, so that the dependency between the two runs one way: preservation uses disclosure's package
 * format and cipher, disclosure knows nothing of how preservations are kept.
 */
public interface PreservedSnapshots {

    /**
     * The snapshot of a preservation order while it is held (not deleted), decrypted and checked against its
     * digest; empty when there is none (never preserved, or deleted).
     *
     * @throws IllegalStateException if the stored snapshot does not match its digest (tampered, or the wrong key)
     */
    Optional<PreservedSnapshot> heldSnapshot(String trackingNumber);
}
