package com.disclosuredesk.subscribers;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.Target;
import java.time.Instant;
import java.util.Set;

/**
 * The platform's data about its users, as the disclosure step reads it.
 *
 * <p>This is the seam to the platform's real subscriber system: a production adapter implements this
 * interface (and sets {@code disclosure-desk.subscribers.directory} to something other than {@code jdbc},
 * which switches the embedded {@link JdbcSubscriberDirectory} off). Implementations must return only
 * what the approved categories allow, and must never put target values or returned data into logs
 * or exception messages.
 */
public interface SubscriberDirectory {

    /**
     * Looks up one target within the period {@code [periodFrom, periodTo)}.
     *
     * <p>Resolution: {@code ACCOUNT_ID} by id; {@code USERNAME} by the username as it was during the
     * period (the account that held it at any time overlapping the period, through the username
     * history; the current username counts from the account's creation unless the history says it
     * was taken later); {@code PHONE} by the number normalized to E.164. A target that cannot be
     * resolved (unknown, or a malformed value) gives {@link TargetData#noData()}.
     *
     * @param target     the target as the order names it
     * @param periodFrom start of the period, inclusive
     * @param periodTo   end of the period, exclusive; after {@code periodFrom}
     * @param categories the approved categories: the phone number only with {@code PHONE_NUMBER},
     *                   IP entries only with {@code IP_ADDRESS}
     * @return the data; never {@code null}
     * @throws IllegalArgumentException if an argument is missing or the period is empty
     */
    TargetData lookup(Target target, Instant periodFrom, Instant periodTo, Set<DataCategory> categories);
}
