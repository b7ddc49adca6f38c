package com.disclosuredesk.disclosure;

import java.nio.charset.StandardCharsets;
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
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.subscribers.SubscriberDirectory;
import com.disclosuredesk.subscribers.TargetData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Builds the disclosure package of an approved order: the approved categories of the order's targets,
 * within the order's period, as one JSON document with its SHA-256 digest, stored encrypted (AES-GCM) until it
 * expires. A target without data is listed as NO_DATA, never dropped. Only ids, counts and the digest leave
 * this service.
 */
@Service
public class DisclosureService {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final OrderRepository orders;
    private final DisclosureRepository disclosures;
    private final SubscriberDirectory directory;
    private final PackageCipher cipher;
    private final Clock clock;
    private final Duration retention;

    public DisclosureService(OrderRepository orders, DisclosureRepository disclosures, SubscriberDirectory directory,
                             PackageCipher cipher, Clock clock,
                             @Value("${disclosure-desk.disclosure.retention:P30D}") Duration retention) {
        this.orders = orders;
        this.disclosures = disclosures;
        this.directory = directory;
        this.cipher = cipher;
        this.clock = clock;
        this.retention = retention;
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
        List<Map<String, Object>> targets = new ArrayList<>();
        int usersAffected = 0;
        int ipEntries = 0;
        Map<Long, Set<DataCategory>> disclosedAccounts = new TreeMap<>();
        for (Target target : order.targets()) {
            TargetData data = directory.lookup(target, order.periodFrom(), order.periodTo(), approved);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("target", Map.of("type", target.type().name(), "value", target.value()));
            if (!data.found() || !data.hasData()) {
                entry.put("result", "NO_DATA");
            } else {
                usersAffected++;
                ipEntries += data.ipEntries().size();
                entry.put("result", "DATA");
                entry.put("accountId", data.accountId());
                entry.put("username", data.username());
                if (approved.contains(DataCategory.PHONE_NUMBER)) {
                    entry.put("phoneNumber", data.phoneNumber());
                }
                if (approved.contains(DataCategory.IP_ADDRESS)) {
                    entry.put("ipAddresses", data.ipEntries().stream()
                            .map(DisclosureService::ipEntry)
                            .toList());
                }
                Set<DataCategory> ofAccount = disclosedAccounts.computeIfAbsent(data.accountId(), id -> EnumSet.noneOf(DataCategory.class));
                if (approved.contains(DataCategory.PHONE_NUMBER) && data.phoneNumber() != null) {
                    ofAccount.add(DataCategory.PHONE_NUMBER);
                }
                if (approved.contains(DataCategory.IP_ADDRESS) && !data.ipEntries().isEmpty()) {
                    ofAccount.add(DataCategory.IP_ADDRESS);
                }
            }
            targets.add(entry);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("trackingNumber", order.trackingNumber());
        document.put("reference", order.reference());
        document.put("authority", Map.of("name", order.authority().name(), "country", order.authority().country()));
        document.put("legalBasis", Map.of("orderType", order.orderType().name(), "issuer", order.issuer().name(),
                "issuerType", order.issuer().type().name(), "issuedOn", order.issuedOn().toString(),
                "offence", order.offence().name()));
        document.put("period", Map.of("from", order.periodFrom().toString(), "to", order.periodTo().toString()));
        document.put("categories", approved.stream().map(Enum::name).sorted().toList());
        document.put("generatedAt", now.toString());
        document.put("targets", targets);
        byte[] content = serialize(document);
        DisclosureRepository.Record record = new DisclosureRepository.Record(UUID.randomUUID().toString(), trackingNumber, now,
                String.join(",", approved.stream().map(Enum::name).sorted().toList()), order.targets().size(), usersAffected,
                ipEntries, Sha256.hex(content), analysedBy, approvedBy, approvedAt, now.plus(retention), null);
        disclosures.insert(record, cipher.encrypt(content, trackingNumber), cipher.keyId());
        disclosures.recordAccounts(trackingNumber, disclosedAccounts);
        return result(record);
    }

    /** One IP log entry of the package; the port is {@code null} when the platform did not log it. */
    private static Map<String, Object> ipEntry(TargetData.IpEntry ip) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("ip", ip.ip());
        entry.put("port", ip.port());
        entry.put("seenAt", ip.seenAt().toString());
        return entry;
    }

    private static DisclosureResult result(DisclosureRepository.Record record) {
        OrderOutcome outcome = record.targetsWithData() > 0 ? OrderOutcome.FULFILLED : OrderOutcome.NO_DATA;
        return new DisclosureResult(record.id(), record.sha256(), outcome, record.targetCount(), record.targetsWithData(),
                record.ipEntryCount());
    }

    private static byte[] serialize(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // the cause would carry the data being serialized: never pass it on
            throw new IllegalStateException("Cannot serialize the disclosure package");
        }
    }

}
