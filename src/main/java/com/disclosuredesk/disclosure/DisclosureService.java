package com.disclosuredesk.disclosure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
import com.disclosuredesk.preservation.PreservationService;
import com.disclosuredesk.preservation.PreservedSnapshot;
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
 * categories) and the others from the live directory; each target says which ({@code source}).
 */
@Service
public class DisclosureService {

    /** Where the data of a target comes from: the live subscriber directory, or a preserved snapshot. */
    public static final String SOURCE_LIVE = "LIVE";
    public static final String SOURCE_PRESERVED = "PRESERVED";

    private final OrderRepository orders;
    private final DisclosureRepository disclosures;
    private final SubscriberDirectory directory;
    private final PackageCipher cipher;
    private final Clock clock;
    private final Duration retention;
    private final PreservationService preservations;

    public DisclosureService(OrderRepository orders, DisclosureRepository disclosures, SubscriberDirectory directory,
                             PackageCipher cipher, Clock clock, DisclosureProperties settings,
                             PreservationService preservations) {
        this.preservations = preservations;
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
        List<Map<String, Object>> targets = new ArrayList<>();
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
            targets.add(PackageBuilder.entry(target, data, approved, frozen.isPresent()
                    ? Map.of("source", SOURCE_PRESERVED, "preservation", preservationOf(snapshot.get()))
                    : Map.of("source", SOURCE_LIVE)));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("trackingNumber", order.trackingNumber());
        document.put("reference", order.reference());
        document.put("authority", Map.of("name", order.authority().name(), "country", order.authority().country()));
        document.put("legalBasis", Map.of("orderType", order.orderType().name(), "issuer", order.issuer().name(),
                "issuerType", order.issuer().type().name(), "issuedOn", order.issuedOn().toString(),
                "offence", order.offence().name()));
        document.put("period", PackageBuilder.period(order.periodFrom(), order.periodTo()));
        document.put("categories", PackageBuilder.categoryNames(approved));
        document.put("generatedAt", now.toString());
        if (order.preservationReference() != null) {
            document.put("preservation", snapshot.<Map<String, Object>>map(DisclosureService::snapshotOf)
                    .orElseGet(() -> notHeld(order.preservationReference())));
        }
        document.put("targets", targets);
        byte[] content = PackageBuilder.serialize(document);
        DisclosureRepository.Record record = new DisclosureRepository.Record(UUID.randomUUID().toString(), trackingNumber, now,
                String.join(",", approved.stream().map(Enum::name).sorted().toList()), order.targets().size(), usersAffected,
                ipEntries, Sha256.hex(content), analysedBy, approvedBy, approvedAt, now.plus(retention), null);
        disclosures.insert(record, cipher.encrypt(content, trackingNumber), cipher.keyId());
        disclosures.recordAccounts(trackingNumber, disclosedAccounts);
        return result(record);
    }

    /** Per target taken from a snapshot: which preservation, and the digest of the snapshot as it was frozen. */
    private static Map<String, Object> preservationOf(PreservedSnapshot snapshot) {
        Map<String, Object> preservation = new LinkedHashMap<>();
        preservation.put("trackingNumber", snapshot.trackingNumber());
        preservation.put("snapshotSha256", snapshot.sha256());
        return preservation;
    }

    /** The package's account of the preservation it builds on: what was frozen, when, and its digest. */
    private static Map<String, Object> snapshotOf(PreservedSnapshot snapshot) {
        Map<String, Object> preservation = new LinkedHashMap<>();
        preservation.put("trackingNumber", snapshot.trackingNumber());
        preservation.put("snapshot", "HELD");
        preservation.put("snapshotSha256", snapshot.sha256());
        preservation.put("preservedAt", snapshot.preservedAt().toString());
        preservation.put("period", PackageBuilder.period(snapshot.periodFrom(), snapshot.periodTo()));
        preservation.put("categories", PackageBuilder.categoryNames(snapshot.categories()));
        return preservation;
    }

    /** The referenced preservation holds no snapshot (any more, or never did): every target is read live. */
    private static Map<String, Object> notHeld(String trackingNumber) {
        Map<String, Object> preservation = new LinkedHashMap<>();
        preservation.put("trackingNumber", trackingNumber);
        preservation.put("snapshot", "NOT_HELD");
        return preservation;
    }

    private static DisclosureResult result(DisclosureRepository.Record record) {
        OrderOutcome outcome = record.targetsWithData() > 0 ? OrderOutcome.FULFILLED : OrderOutcome.NO_DATA;
        return new DisclosureResult(record.id(), record.sha256(), outcome, record.targetCount(), record.targetsWithData(),
                record.ipEntryCount());
    }


}
