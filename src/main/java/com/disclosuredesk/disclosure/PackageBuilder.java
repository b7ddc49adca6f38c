package com.disclosuredesk.disclosure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.subscribers.SubscriberDirectory;
import com.disclosuredesk.subscribers.TargetData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON of data read from the subscriber directory: one entry per target, as the disclosure package hands it
 * over and as a preservation snapshot freezes it, so that frozen data reads back exactly as it was written.
 * Exceptions of this class never carry the data (nor Jackson's causes, which would quote it).
 */
public final class PackageBuilder {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private PackageBuilder() {}

    /** One target as an order names it, and what is held about it. */
    public record TargetResult(Target target, TargetData data) {

        /** Something to hand over: the target was resolved and has a phone number or IP entries. */
        public boolean hasData() {
            return data.found() && data.hasData();
        }

        @Override
        public String toString() {
            return "TargetResult[type=" + target.type() + ", " + data + "]";
        }
    }

    /** Looks every target up within {@code [from, to)} for the categories, in the order the order names them. */
    public static List<TargetResult> lookUp(SubscriberDirectory directory, List<Target> targets, Instant from, Instant to,
                                            Set<DataCategory> categories) {
        List<TargetResult> results = new ArrayList<>(targets.size());
        for (Target target : targets) {
            results.add(new TargetResult(target, directory.lookup(target, from, to, categories)));
        }
        return results;
    }

    /**
     * The entry of one target: {@code "result": "DATA"} with account id, username, and the phone number and IP
     * entries as far as the categories allow; {@code "result": "NO_DATA"} when the target is unknown or has nothing
     * to hand over (never dropped).
     */
    public static Map<String, Object> entry(Target target, TargetData data, Set<DataCategory> categories) {
        return entry(target, data, categories, Map.of());
    }

    /** The entry, with fields that say where the data comes from ({@code source}, ...) after the result. */
    public static Map<String, Object> entry(Target target, TargetData data, Set<DataCategory> categories,
                                            Map<String, Object> provenance) {
        Map<String, Object> entry = new LinkedHashMap<>();
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("type", target.type().name());
        named.put("value", target.value());
        entry.put("target", named);
        boolean hasData = data.found() && data.hasData();
        entry.put("result", hasData ? "DATA" : "NO_DATA");
        entry.putAll(provenance);
        if (!hasData) {
            return entry;
        }
        entry.put("accountId", data.accountId());
        entry.put("username", data.username());
        if (categories.contains(DataCategory.PHONE_NUMBER) && data.phoneNumber() != null) {
            entry.put("phoneNumber", data.phoneNumber());
        }
        if (categories.contains(DataCategory.IP_ADDRESS)) {
            List<Map<String, Object>> ips = new ArrayList<>(data.ipEntries().size());
            for (TargetData.IpEntry ip : data.ipEntries()) {
                Map<String, Object> seen = new LinkedHashMap<>();
                seen.put("ip", ip.ip());
                seen.put("port", ip.port()); // null when the platform did not log the port
                seen.put("seenAt", ip.seenAt().toString());
                ips.add(seen);
            }
            entry.put("ipAddresses", ips);
        }
        return entry;
    }

    /** Reads an entry written by {@link #entry} back: the target as named, and its data (no data for NO_DATA). */
    public static TargetResult readEntry(JsonNode entry) {
        JsonNode named = entry.path("target");
        Target target = new Target(TargetType.valueOf(named.path("type").asText()), named.path("value").asText());
        if (!"DATA".equals(entry.path("result").asText())) {
            return new TargetResult(target, TargetData.noData());
        }
        List<TargetData.IpEntry> ips = new ArrayList<>();
        for (JsonNode ip : entry.path("ipAddresses")) {
            JsonNode port = ip.get("port");
            ips.add(new TargetData.IpEntry(ip.path("ip").asText(), port == null || port.isNull() ? null : port.asInt(),
                    Instant.parse(ip.path("seenAt").asText())));
        }
        JsonNode phone = entry.get("phoneNumber");
        return new TargetResult(target, TargetData.of(entry.path("accountId").asLong(), entry.path("username").asText(null),
                phone == null || phone.isNull() ? null : phone.asText(), ips));
    }

    public static Map<String, Object> period(Instant from, Instant to) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", from.toString());
        period.put("to", to.toString());
        return period;
    }

    /** The category names, sorted: the form of packages, snapshots and records. */
    public static List<String> categoryNames(Set<DataCategory> categories) {
        return categories.stream().map(Enum::name).sorted().toList();
    }

    public static byte[] serialize(Map<String, Object> document) {
        try {
            return JSON.writeValueAsString(document).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            // the cause would carry the data being serialized: never pass it on
            throw new IllegalStateException("Cannot serialize the package");
        }
    }

    public static JsonNode parse(byte[] content) {
        try {
            return JSON.readTree(content);
        } catch (IOException e) {
            // the cause would quote the content: never pass it on
            throw new IllegalStateException("Cannot read the stored package");
        }
    }
}
