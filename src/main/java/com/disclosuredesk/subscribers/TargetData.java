package com.disclosuredesk.subscribers;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;

/**
 * What the subscriber directory holds about one target within an order's period, restricted to the
 * approved data categories.
 *
 * <p>This is disclosed data: {@link #toString()} prints only the account id and counts, never a
 * phone number, IP address or username, so that an accidental log line or exception message
 * carries none of it.
 *
 * @param found       whether the target was resolved to an account
 * @param accountId   the account's id; {@code null} when not found
 * @param username    the account's username as it was during the period; {@code null} when not found
 * @param phoneNumber the account's phone number in E.164 form; only when {@code PHONE_NUMBER} was
 *                    asked for (and the account has one), else {@code null}
 * @param ipEntries   the IP log entries seen within the period, ordered by time; only when
 *                    {@code IP_ADDRESS} was asked for, else empty; never {@code null}
 */
public record TargetData(boolean found, Long accountId, String username, String phoneNumber, List<IpEntry> ipEntries) {

    private static final TargetData NO_DATA = new TargetData(false, null, null, null, List.of());

    public TargetData {
        ipEntries = ipEntries == null ? List.of() : List.copyOf(ipEntries);
        if (!found && (accountId != null || username != null || phoneNumber != null || !ipEntries.isEmpty())) {
            throw new IllegalArgumentException("a target that was not found carries no data");
        }
        if (found && accountId == null) {
            throw new IllegalArgumentException("a found target has an account id");
        }
    }

    /** The target could not be resolved to an account: there is no data to disclose. */
    public static TargetData noData() {
        return NO_DATA;
    }

    /** The target was resolved to an account; phone number and IP entries as far as approved and held. */
    public static TargetData of(long accountId, String username, String phoneNumber, List<IpEntry> ipEntries) {
        return new TargetData(true, accountId, username, phoneNumber, ipEntries);
    }

    /** Whether there is anything to disclose: a phone number or at least one IP entry. */
    public boolean hasData() {
        return phoneNumber != null || !ipEntries.isEmpty();
    }

    /**
     * The same data as far as a narrower request allows: the phone number only with {@code PHONE_NUMBER}, IP
     * entries only with {@code IP_ADDRESS} and only those seen within {@code [periodFrom, periodTo)}. Used on data
     * read earlier (a preserved snapshot) for a later order with its own period and approved categories.
     */
    public TargetData restrictedTo(Instant periodFrom, Instant periodTo, Set<DataCategory> categories) {
        Objects.requireNonNull(periodFrom, "periodFrom");
        Objects.requireNonNull(periodTo, "periodTo");
        Objects.requireNonNull(categories, "categories");
        if (!found) {
            return this;
        }
        String phone = categories.contains(DataCategory.PHONE_NUMBER) ? phoneNumber : null;
        List<IpEntry> ips = categories.contains(DataCategory.IP_ADDRESS)
                ? ipEntries.stream().filter(e -> !e.seenAt().isBefore(periodFrom) && e.seenAt().isBefore(periodTo)).toList()
                : List.of();
        return of(accountId, username, phone, ips);
    }

    @Override
    public String toString() {
        if (!found) {
            return "TargetData[found=false]";
        }
        return "TargetData[found=true, accountId=" + accountId
                + ", phoneNumbers=" + (phoneNumber == null ? 0 : 1)
                + ", ipEntries=" + ipEntries.size() + "]";
    }

    /**
     * One entry of the IP log.
     *
     * @param ip     IPv4 or IPv6 address in text form
     * @param port   source port, {@code null} if the platform did not log it
     * @param seenAt when it was seen (UTC instant)
     */
    public record IpEntry(String ip, Integer port, Instant seenAt) {

        public IpEntry {
            Objects.requireNonNull(ip, "ip");
            Objects.requireNonNull(seenAt, "seenAt");
        }

        /** Prints the time only, never the address or port. */
        @Override
        public String toString() {
            return "IpEntry[seenAt=" + seenAt + "]";
        }
    }
}
