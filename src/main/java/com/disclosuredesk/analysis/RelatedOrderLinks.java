package com.disclosuredesk.analysis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the analysis form shows related orders: one entry per order with a link to Tasklist searched by the order's
 * tracking number (the business key). Only tracking numbers, references and statuses: no target data.
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
            return entry;
        }).toList();
    }

    /** Tasklist, filtered by the business key. */
    public static String tasklistLink(String trackingNumber) {
        String query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"" + trackingNumber + "\",\"name\":\"\"}]";
        return "/camunda/app/tasklist/default/#/?searchQuery=" + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
