package com.disclosuredesk.preservation;

import java.time.Duration;

/** For tests without a Spring context: the policy application.yaml configures (60/90 days, extended by 30/90). */
public final class PreservationPolicies {

    private PreservationPolicies() {
    }

    public static PreservationPolicy defaults() {
        return PreservationPolicy.of(Duration.ofDays(60), Duration.ofDays(90), Duration.ofDays(30), Duration.ofDays(90));
    }
}
