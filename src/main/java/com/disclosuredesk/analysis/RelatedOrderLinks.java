package com.disclosuredesk.analysis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.disclosuredesk.referral.RelatedCase;

/**
 * How the analysis form shows related orders: one entry per order with a link to Tasklist searched by the order's
 * tracking number (the business key). Only tracking numbers, references and statuses: no target data. Content cases
 * referred to an authority (Art. 18) about an account the order names follow in the same list, as
 * {@code CR-… (threat to life referral, DE, 2026-12-05)}, without a link (legal staff do not work in content cases).
 * Each entry's {@code detail} is the text after its number.
 */
public final class RelatedOrderLinks {

    private RelatedOrderLinks() {}

    /** Entries for the form's list (the form loops over them; form-js escapes every inserted value). */
    public static List<Map<String, Object>> entries(List<RelatedOrder> related) {
        return related.stream().map(order -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("trackingNumber", order.trackingNumber());
            entry.put("reference", order.reference());
            entry.put("status", order.status().name().toLowerCase().replace('_', ' '));
            entry.put("sharedTargets", order.sharedTargets());
            entry.put("link", tasklistLink(order.trackingNumber()));
            entry.put("detail", "(reference " + order.reference() + ", " + entry.get("status") + "): "
                    + order.sharedTargets() + " shared target(s)");
            return entry;
        }).toList();
    }

    /** Entries for content cases referred under Art. 18 about an account the order names (no link). */
    public static List<Map<String, Object>> caseEntries(List<RelatedCase> cases) {
        return cases.stream().map(related -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("trackingNumber", related.caseNumber());
            entry.put("kind", "content-case");
            entry.put("detail", "(threat to life referral, " + (related.country() == null ? "no country" : related.country())
                    + ", " + related.referredAt().atZone(ZoneOffset.UTC).toLocalDate() + ")");
            return entry;
        }).toList();
    }

    /** Tasklist, filtered by the business key. */
    public static String tasklistLink(String trackingNumber) {
        String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + trackingNumber + "\",\"name\":\"\"}]";
        return "/camunda/app/tasklist/default/#/?searchQuery=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
