package com.disclosuredesk.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.order.PhoneNumbers;

/**
 * A snapshot still held, decrypted and checked against its digest: what was frozen for each target of the
 * preservation order, for the categories and period it preserved. Personal data: {@link #toString()} prints
 * counts only. The preservation package provides it ({@link PreservedSnapshots}); a disclosure reads it.
 */
public record PreservedSnapshot(String trackingNumber, String sha256, Instant preservedAt, Instant periodFrom,
                                Instant periodTo, Set<DataCategory> categories, List<PackageBuilder.TargetResult> targets) {

    public PreservedSnapshot {
        categories = Set.copyOf(categories);
        targets = List.copyOf(targets);
    }

    /**
     * What was frozen for a target of a later order, if the snapshot holds it: the same target (usernames without
     * regard to case and leading {@code @}, phone numbers after E.164 normalization), or, for an {@code ACCOUNT_ID},
     * a preserved target that was resolved to that account.
     */
    public Optional<PackageBuilder.TargetResult> frozenFor(Target target) {
        String key = key(target);
        Optional<PackageBuilder.TargetResult> same = targets.stream()
                .filter(t -> t.target().type() == target.type() && key.equals(key(t.target())))
                .findFirst();
        if (same.isPresent() || target.type() != TargetType.ACCOUNT_ID) {
            return same;
        }
        return targets.stream()
                .filter(t -> t.data().found() && key.equals(String.valueOf(t.data().accountId())))
                .findFirst();
    }

    private static String key(Target target) {
        String value = target.value() == null ? "" : target.value().strip();
        return switch (target.type()) {
            case USERNAME -> (value.startsWith("@") ? value : "@" + value).toLowerCase(Locale.ROOT);
            case PHONE -> PhoneNumbers.tryNormalizeE164(value).orElse(value);
            case ACCOUNT_ID -> value.replaceFirst("^0+(?=.)", "");
        };
    }

    @Override
    public String toString() {
        return "PreservedSnapshot[trackingNumber=" + trackingNumber + ", sha256=" + sha256 + ", targets=" + targets.size() + "]";
    }
}
