package com.disclosuredesk.notification;

import java.time.Instant;

/**
 * A notification for one user of the platform, to be delivered by the platform's own delivery system.
 * {@code accountId} is the platform's internal account reference, never a phone number or IP address.
 */
public record UserNotification(long id, String trackingNumber, long accountId, String text, Status status,
                               Instant createdAt, Instant deliveredAt) {

    public enum Status { PENDING, DELIVERED }
}
