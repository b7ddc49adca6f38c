package com.disclosuredesk.disclosure;

import java.time.Clock;
import java.time.Instant;

import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands the disclosure package to the authority that submitted the order, records every download, and deletes
 * packages once they expire (the record with its digest stays).
 */
@Service
public class DisclosureDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(DisclosureDelivery.class);

    private final DisclosureRepository disclosures;
    private final OrderTimeline timeline;
    private final PackageCipher cipher;
    private final Clock clock;

    public DisclosureDelivery(DisclosureRepository disclosures, OrderTimeline timeline, PackageCipher cipher, Clock clock) {
        this.disclosures = disclosures;
        this.timeline = timeline;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** The package as delivered: its bytes and their SHA-256. */
    public record DeliveredPackage(byte[] content, String sha256) {}

    @Transactional
    public DeliveredPackage download(String trackingNumber, String user) {
        DisclosureRepository.Record record = disclosures.findByOrder(trackingNumber)
                .orElseThrow(() -> new DisclosureNotAvailableException(trackingNumber, null));
        byte[] encrypted = disclosures.content(trackingNumber)
                .orElseThrow(() -> new DisclosureNotAvailableException(trackingNumber, record));
        byte[] content = cipher.decrypt(encrypted, trackingNumber);
        String sha256 = Sha256.hex(content);
        if (!sha256.equals(record.sha256())) {
            throw new IllegalStateException("The stored package of " + trackingNumber + " does not match its recorded digest");
        }
        Instant now = clock.instant();
        disclosures.recordDownload(trackingNumber, user, now, sha256);
        timeline.record(trackingNumber, TimelineStep.DISCLOSURE_DOWNLOADED, user, "Disclosure package downloaded, SHA-256 " + sha256 + ".");
        LOG.info("Order {}: disclosure package downloaded by {}, sha256 {}", trackingNumber, user, sha256);
        return new DeliveredPackage(content, sha256);
    }

    /** Deletes expired packages; returns how many. Safe on several nodes at once. */
    @Transactional
    public int deleteExpired() {
        Instant now = clock.instant();
        int deleted = 0;
        for (String trackingNumber : disclosures.expired(now)) {
            if (disclosures.deletePackage(trackingNumber, now)) {
                timeline.record(trackingNumber, TimelineStep.DISCLOSURE_EXPIRED, null,
                        "The disclosure package expired and was deleted; its digest and record are kept.");
                deleted++;
            }
        }
        if (deleted > 0) {
            LOG.info("Deleted {} expired disclosure packages", deleted);
        }
        return deleted;
    }
}
