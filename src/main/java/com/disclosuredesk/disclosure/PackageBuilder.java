package com.disclosuredesk.disclosure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.subscribers.SubscriberDirectory;
import com.disclosuredesk.subscribers.TargetData;

/**
 * The entries of data read from the subscriber directory ({@link TargetEntry}): one per target, as the disclosure
 * package hands it over and as a preservation snapshot freezes it, so that frozen data reads back exactly as it was
 * written. {@link PackageJson} writes and reads them.
 */
public final class PackageBuilder {

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
     * The entry of one target: {@code DATA} with account id, username, and the phone number and IP entries as far as
     * the categories allow; {@code NO_DATA} when the target is unknown or has nothing to hand over (never dropped).
     */
    public static TargetEntry entry(Target target, TargetData data, Set<DataCategory> categories) {
        if (!(data.found() && data.hasData())) {
            return new TargetEntry.NoData(target, null, null);
        }
        String phoneNumber = categories.contains(DataCategory.PHONE_NUMBER) ? data.phoneNumber() : null;
        List<TargetEntry.IpAddress> ips = categories.contains(DataCategory.IP_ADDRESS)
                ? data.ipEntries().stream().map(ip -> new TargetEntry.IpAddress(ip.ip(), ip.port(), ip.seenAt())).toList()
                : null;
        return new TargetEntry.Found(target, null, null, data.accountId(), data.username(), phoneNumber, ips);
    }

    /** An entry read back (from a snapshot): the target as named, and its data (no data for NO_DATA). */
    public static TargetResult result(TargetEntry entry) {
        return new TargetResult(entry.target(), entry.data());
    }

    /** The categories, sorted by name: the form of packages, snapshots and records. */
    public static List<DataCategory> sortedByName(Set<DataCategory> categories) {
        return categories.stream().sorted(Comparator.comparing(Enum::name)).toList();
    }
}
