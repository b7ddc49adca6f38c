package com.disclosuredesk.disclosure;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes expired disclosure packages every {@code disclosure-desk.disclosure.expiry-check} (application.yaml: PT1H). */
@Component
public class DisclosureExpiryJob {

    private final DisclosureDelivery delivery;

    public DisclosureExpiryJob(DisclosureDelivery delivery) {
        this.delivery = delivery;
    }

    @Scheduled(fixedDelayString = "${disclosure-desk.disclosure.expiry-check}", initialDelayString = "PT1M")
    public void deleteExpiredPackages() {
        delivery.deleteExpired();
    }
}
