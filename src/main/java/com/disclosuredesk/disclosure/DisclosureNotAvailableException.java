package com.disclosuredesk.disclosure;

/** There is no package to hand over: not disclosed (yet), or expired and deleted. */
public class DisclosureNotAvailableException extends RuntimeException {

    private final transient DisclosureRepository.Record record;

    public DisclosureNotAvailableException(String trackingNumber, DisclosureRepository.Record record) {
        super(record == null
                ? "Order " + trackingNumber + " has no disclosure package."
                : "The disclosure package of order " + trackingNumber + " expired on " + record.expiresAt()
                        + " and was deleted; its SHA-256 was " + record.sha256() + ".");
        this.record = record;
    }

    /** The record of an expired package; null when nothing was disclosed. */
    public DisclosureRepository.Record record() {
        return record;
    }
}
