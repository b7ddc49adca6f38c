package com.disclosuredesk.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.subscribers.SubscriberDirectory;
import com.disclosuredesk.subscribers.TargetData;

import org.springframework.stereotype.Service;

/**
 * Builds the disclosure package of an approved order: the approved categories of the order's targets,
 * within the order's period, as one JSON document with its SHA-256 digest, stored encrypted (AES-GCM) until it
 * expires. A target without data is listed as NO_DATA, never dropped. Only ids, counts and the digest leave
 * this service.
 *
 * <p>An order that builds on a preservation order ({@code preservationReference}) whose snapshot is still held
 * takes the targets the snapshot holds from the frozen data (limited to this order's period and approved
 * categories) and the others from the live directory; each target says which ({@code source}). The snapshot comes
 * through {@link PreservedSnapshots}, which the preservation package implements.
 *
 * <p>The package is a {@link DisclosurePackage}, written by {@link PackageJson}; its digest is taken over those bytes.
 */
@Service
public class DisclosureService {

    private final OrderRepository orders;
    private final DisclosureRepository disclosures;
    private final SubscriberDirectory directory;
    private final PackageCipher cipher;
    private final Clock clock;
    private final Duration retention;
    private final PreservedSnapshots preservations;
    private final PackageJson json;

    public DisclosureService(OrderRepository orders, DisclosureRepository disclosures, SubscriberDirectory directory,
                             PackageCipher cipher, Clock clock, DisclosureProperties settings,
                             PreservedSnapshots preservations, PackageJson json) {
        this.preservations = preservations;
        this.json = json;
        this.orders = orders;
        this.disclosures = disclosures;
        this.directory = directory;
        this.cipher = cipher;
        this.clock = clock;
        this.retention = settings.retention();
    }

    /** Discloses once: a retried job finds the record of its earlier run and returns it. */
    public DisclosureResult disclose(String trackingNumber, Set<DataCategory> approved, String analysedBy, String approvedBy,
                                     Instant approvedAt) {
        Optional<DisclosureRepository.Record> earlier = disclosures.findByOrder(trackingNumber);
        if (earlier.isPresent()) {
            return result(earlier.get());
        }
        LegalOrder order = orders.get(trackingNumber);
        Instant now = clock.instant();
        Optional<PreservedSnapshot> snapshot = order.preservationReference() == null ? Optional.empty()
                : preservations.heldSnapshot(order.preservationReference());
        List<TargetEntry> targets = new ArrayList<>();
        int usersAffected = 0;
        int ipEntries = 0;
        Map<Long, Set<DataCategory>> disclosedAccounts = new TreeMap<>();
        for (Target target : order.targets()) {
            Optional<PackageBuilder.TargetResult> frozen = snapshot.flatMap(s -> s.frozenFor(target));
            // frozen data still obeys this order: its period and the categories approved for it
            TargetData data = frozen.isPresent()
                    ? frozen.get().data().restrictedTo(order.periodFrom(), order.periodTo(), approved)
                    : directory.lookup(target, order.periodFrom(), order.periodTo(), approved);
            if (data.found() && data.hasData()) {
                usersAffected++;
                ipEntries += data.ipEntries().size();
                Set<DataCategory> ofAccount = disclosedAccounts.computeIfAbsent(data.accountId(), id -> EnumSet.noneOf(DataCategory.class));
                if (approved.contains(DataCategory.PHONE_NUMBER) && data.phoneNumber() != null) {
                    ofAccount.add(DataCategory.PHONE_NUMBER);
                }
                if (approved.contains(DataCategory.IP_ADDRESS) && !data.ipEntries().isEmpty()) {
                    ofAccount.add(DataCategory.IP_ADDRESS);
                }
            }
            TargetEntry entry = PackageBuilder.entry(target, data, approved);
            targets.add(frozen.isPresent()
                    ? entry.from(TargetEntry.Source.PRESERVED, new TargetEntry.PreservationRef(snapshot.get().trackingNumber(),
                            snapshot.get().sha256()))
                    : entry.from(TargetEntry.Source.LIVE, null));
        }
        DisclosurePackage.PreservationBasis preservation = order.preservationReference() == null ? null
                : snapshot.map(DisclosurePackage.PreservationBasis::held)
                        .orElseGet(() -> DisclosurePackage.PreservationBasis.notHeld(order.preservationReference()));
        DisclosurePackage document = new DisclosurePackage(order.trackingNumber(), order.reference(),
                DisclosurePackage.Authority.of(order), DisclosurePackage.LegalBasis.of(order),
                new Period(order.periodFrom(), order.periodTo()), PackageBuilder.sortedByName(approved), now, preservation,
                targets);
        byte[] content = json.write(document);
        DisclosureRepository.Record record = new DisclosureRepository.Record(UUID.randomUUID().toString(), trackingNumber, now,
                String.join(",", approved.stream().map(Enum::name).sorted().toList()), order.targets().size(), usersAffected,
                ipEntries, Sha256.hex(content), analysedBy, approvedBy, approvedAt, now.plus(retention), null);
        disclosures.insert(record, cipher.encrypt(content, trackingNumber), cipher.keyId());
        disclosures.recordAccounts(trackingNumber, disclosedAccounts);
        return result(record);
    }

    private static DisclosureResult result(DisclosureRepository.Record record) {
        OrderOutcome outcome = record.targetsWithData() > 0 ? OrderOutcome.FULFILLED : OrderOutcome.NO_DATA;
        return new DisclosureResult(record.id(), record.sha256(), outcome, record.targetCount(), record.targetsWithData(),
                record.ipEntryCount());
    }


}
