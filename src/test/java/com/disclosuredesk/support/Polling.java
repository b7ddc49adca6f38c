package com.disclosuredesk.support;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Waiting for what the job executor does asynchronously, with Awaitility. */
public final class Polling {

    private Polling() {
    }

    /**
     * Awaitility as the tests waited before it: the first look at once, then one every {@code every}, for at most
     * {@code atMost}, in the test's own thread (engine queries and the test's clock stay on it).
     */
    public static ConditionFactory await(String what, Duration atMost, Duration every) {
        return Awaitility.await(what).atMost(atMost).pollDelay(Duration.ZERO).pollInterval(every).pollInSameThread();
    }
}
