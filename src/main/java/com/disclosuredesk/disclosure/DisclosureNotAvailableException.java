package com.disclosuredesk.disclosure;

import com.disclosuredesk.web.ApiProblemException;
import com.disclosuredesk.web.ProblemType;

/** There is no package to hand over: not disclosed (yet), 404, or expired and deleted, 410 with its digest. */
public class DisclosureNotAvailableException extends ApiProblemException {

    private final transient DisclosureRepository.Record record;

    public DisclosureNotAvailableException(String trackingNumber, DisclosureRepository.Record record) {
        super(record == null ? ProblemType.DISCLOSURE_NOT_FOUND : ProblemType.DISCLOSURE_EXPIRED, message(trackingNumber, record));
        this.record = record;
        if (record != null) {
            getBody().setProperty("sha256", record.sha256());
            getBody().setProperty("expiredAt", record.expiresAt());
        }
    }

    private static String message(String trackingNumber, DisclosureRepository.Record record) {
        return (record == null
                ? "Order " + trackingNumber + " has no disclosure package."
                : "The disclosure package of order " + trackingNumber + " expired on " + record.expiresAt()
                        + " and was deleted; its SHA-256 was " + record.sha256() + ".");
    }

    /** The record of an expired package; null when nothing was disclosed. */
    public DisclosureRepository.Record record() {
        return record;
    }
}
