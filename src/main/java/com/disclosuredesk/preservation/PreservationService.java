package com.disclosuredesk.preservation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.disclosure.PackageBuilder;
import com.disclosuredesk.disclosure.PackageCipher;
import com.disclosuredesk.disclosure.PackageJson;
import com.disclosuredesk.disclosure.Period;
import com.disclosuredesk.disclosure.PreservedSnapshot;
import com.disclosuredesk.disclosure.PreservedSnapshots;
import com.disclosuredesk.disclosure.TargetEntry;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.subscribers.SubscriberDirectory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preservation orders (PRESERVATION_REQUEST, EU_PRESERVATION_ORDER): freeze, extend once, delete at expiry.
 *
 * <p>The snapshot ({@link SnapshotDocument}) is the order's targets as the subscriber directory holds them, in the
 * same JSON entries as a disclosure package ({@link PackageBuilder}, written by {@link PackageJson}), encrypted with the disclosure key ({@link PackageCipher}, the
 * tracking number bound as associated data) in {@code dd_preservation}, apart from normal retention. Nothing is
 * disclosed here; only ids, counts, times and the digest leave this service. It writes no timeline events: the
 * process steps that call it do. A production order that builds on a preservation reads the held snapshot through
 * {@link PreservedSnapshots}, the disclosure package's interface that this service implements.
 */
@Service
public class PreservationService implements PreservedSnapshots {

    private final OrderRepository orders;
    private final PreservationRepository preservations;
    private final SubscriberDirectory directory;
    private final PackageCipher cipher;
    private final PreservationPolicy policy;
    private final Clock clock;
    private final PackageJson json;

    public PreservationService(OrderRepository orders, PreservationRepository preservations, SubscriberDirectory directory,
                               PackageCipher cipher, PreservationPolicy policy, Clock clock, PackageJson json) {
        this.json = json;
        this.orders = orders;
        this.preservations = preservations;
        this.directory = directory;
        this.cipher = cipher;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Freezes a snapshot of the order's targets' requested categories within its period (idempotent: a second
     * call for the same order returns the existing record). Hold: 60 days for EU_PRESERVATION_ORDER, 90 days
     * otherwise (configurable), counted from now.
     *
     * <p>Only categories within policy ({@code IP_ADDRESS}, {@code PHONE_NUMBER}) are frozen; every target is
     * listed, unknown ones as {@code NO_DATA}. {@code accountsFound} counts the distinct accounts with data.
     *
     * @throws IllegalArgumentException if the order is not a preservation order
     */
    @Transactional
    public PreservationRecord preserve(String trackingNumber) {
        Optional<PreservationRepository.Row> earlier = preservations.find(trackingNumber);
        if (earlier.isPresent()) {
            return earlier.get().record();
        }
        LegalOrder order = orders.get(trackingNumber);
        if (!PreservationPolicy.isPreservation(order.orderType())) {
            throw new IllegalArgumentException("Order " + trackingNumber + " is a " + order.orderType()
                    + ", not a preservation order: nothing is frozen for it");
        }
        Set<DataCategory> categories = EnumSet.noneOf(DataCategory.class);
        order.dataCategories().stream().filter(DataCategory::withinPolicy).forEach(categories::add);
        Instant now = now();

        List<TargetEntry> entries = new ArrayList<>();
        Set<Long> accounts = new HashSet<>();
        int ipEntries = 0;
        for (PackageBuilder.TargetResult result : PackageBuilder.lookUp(directory, order.targets(), order.periodFrom(),
                order.periodTo(), categories)) {
            if (result.hasData()) {
                accounts.add(result.data().accountId());
                ipEntries += result.data().ipEntries().size();
            }
            entries.add(PackageBuilder.entry(result.target(), result.data(), categories));
        }
        byte[] content = json.write(new SnapshotDocument(order.trackingNumber(), order.reference(), order.orderType(),
                new Period(order.periodFrom(), order.periodTo()), PackageBuilder.sortedByName(categories), now, entries));

        PreservationRecord record = new PreservationRecord(trackingNumber, Sha256.hex(content), order.targets().size(),
                accounts.size(), now, now.plus(policy.hold(order.orderType())), false, null);
        preservations.insert(new PreservationRepository.Row(record, order.orderType(), categories, order.periodFrom(),
                order.periodTo(), ipEntries, null), cipher.encrypt(content, trackingNumber), cipher.keyId());
        return record;
    }

    /** Extends the hold once (EU +30 days, others +90 days); refused when already extended, ended or deleted. */
    @Transactional
    public PreservationRecord extend(String trackingNumber) {
        PreservationRepository.Row row = requireExtendable(trackingNumber);
        Instant heldUntil = row.record().heldUntil().plus(policy.extension(row.orderType()));
        if (!preservations.markExtended(trackingNumber, heldUntil, now())) {
            // another extension won the race meanwhile
            throw new PreservationStateException(trackingNumber, "The preservation of order " + trackingNumber
                    + " was already extended once; it cannot be extended again.");
        }
        return preservations.find(trackingNumber).orElseThrow().record();
    }

    /**
     * Whether the hold of the order can be extended now: held (a snapshot exists, not deleted, not ended) and never
     * extended. Returns the hold; otherwise throws, with a message for the authority.
     *
     * @throws PreservationStateException if it cannot be extended
     */
    @Transactional(readOnly = true)
    public PreservationRepository.Row requireExtendable(String trackingNumber) {
        PreservationRepository.Row row = preservations.find(trackingNumber).orElseThrow(() ->
                new PreservationStateException(trackingNumber, "No preservation hold is active for order " + trackingNumber
                        + ": its data has not been preserved (yet)."));
        PreservationRecord record = row.record();
        if (record.deletedAt() != null) {
            throw new PreservationStateException(trackingNumber, "The preservation of order " + trackingNumber
                    + " has ended: its snapshot was deleted on " + record.deletedAt() + ".");
        }
        if (record.extended()) {
            throw new PreservationStateException(trackingNumber, "The preservation of order " + trackingNumber
                    + " was already extended once (held until " + record.heldUntil() + "); it cannot be extended again.");
        }
        if (!record.heldUntil().isAfter(clock.instant())) {
            throw new PreservationStateException(trackingNumber, "The preservation of order " + trackingNumber
                    + " ended on " + record.heldUntil() + " and can no longer be extended.");
        }
        return row;
    }

    /**
     * Deletes the snapshot (at expiry or withdrawal), keeping the record with its digest; idempotent.
     *
     * @return the record with {@code deletedAt} set; {@code null} when the order was never preserved (a
     *         preservation order withdrawn before its data was frozen has nothing to delete)
     */
    @Transactional
    public PreservationRecord deleteSnapshot(String trackingNumber) {
        if (preservations.find(trackingNumber).isEmpty()) {
            return null;
        }
        preservations.deleteSnapshot(trackingNumber, now());
        return preservations.find(trackingNumber).orElseThrow().record();
    }

    /** Now, as precise as the database keeps it (microseconds): a returned record equals the stored one. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Transactional(readOnly = true)
    public Optional<PreservationRecord> find(String trackingNumber) {
        return preservations.find(trackingNumber).map(PreservationRepository.Row::record);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PreservedSnapshot> heldSnapshot(String trackingNumber) {
        Optional<PreservationRepository.Row> row = preservations.find(trackingNumber);
        if (row.isEmpty() || row.get().record().deletedAt() != null) {
            return Optional.empty();
        }
        Optional<byte[]> encrypted = preservations.snapshot(trackingNumber);
        if (encrypted.isEmpty()) {
            return Optional.empty();
        }
        byte[] content = cipher.decrypt(encrypted.get(), trackingNumber);
        PreservationRecord record = row.get().record();
        if (!Sha256.hex(content).equals(record.sha256())) {
            throw new IllegalStateException("The preserved snapshot of " + trackingNumber + " does not match its recorded digest");
        }
        List<PackageBuilder.TargetResult> targets = json.read(content, SnapshotDocument.class).targets().stream()
                .map(PackageBuilder::result).toList();
        return Optional.of(new PreservedSnapshot(trackingNumber, record.sha256(), record.preservedAt(), row.get().periodFrom(),
                row.get().periodTo(), row.get().categories(), targets));
    }
}
