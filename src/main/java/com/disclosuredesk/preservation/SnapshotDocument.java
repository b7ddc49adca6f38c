package com.disclosuredesk.preservation;

import java.time.Instant;
import java.util.List;

import com.disclosuredesk.disclosure.Period;
import com.disclosuredesk.disclosure.TargetEntry;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.OrderType;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The preserved snapshot as it is frozen (encrypted in {@code dd_preservation}): the preservation order, the
 * categories and period it froze, and one entry per target in the same form as a disclosure package's
 * ({@link TargetEntry}, without {@code source}). Its SHA-256 is taken over the bytes written of it, and checked
 * before the snapshot is read back.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"trackingNumber", "reference", "orderType", "period", "categories", "preservedAt", "targets"})
public record SnapshotDocument(String trackingNumber, String reference, OrderType orderType, Period period,
                               List<DataCategory> categories,
                               @JsonFormat(shape = JsonFormat.Shape.STRING) Instant preservedAt,
                               List<TargetEntry> targets) {

    public SnapshotDocument {
        categories = List.copyOf(categories);
        targets = List.copyOf(targets);
    }

    @Override
    public String toString() {
        return "SnapshotDocument[trackingNumber=" + trackingNumber + ", targets=" + targets.size() + "]";
    }
}
