package com.disclosuredesk.notification;

import org.springframework.stereotype.Service;

/**
 * Notifications of users whose data was disclosed ("your data was disclosed to ..."), recorded for the platform
 * to deliver once no non-disclosure order forbids it.
 */
@Service
public class UserNotificationService {

    /**
     * Records one pending notification per account whose data the order's disclosure package contains, with the
     * legally allowed details (authority, country, order type, categories, date of disclosure). Idempotent per
     * order. Returns the number of notifications recorded.
     */
    public int recordFor(String trackingNumber) {
        throw new UnsupportedOperationException("not yet built");
    }
}
