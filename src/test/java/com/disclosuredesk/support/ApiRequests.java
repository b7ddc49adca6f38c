package com.disclosuredesk.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import org.awaitility.core.ConditionTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** What the HTTP tests share: signing in with HTTP basic, and waiting for an order to reach a state. */
public final class ApiRequests {

    private ApiRequests() {}

    /** Headers of a demo user (password = user) accepting JSON and problem+json. */
    public static HttpHeaders signedIn(String user) {
        return signedIn(user, user);
    }

    public static HttpHeaders signedIn(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    /**
     * Reads the order's status (through {@code read}) until {@code done} holds, for at most 30 seconds: the job
     * executor moves orders on asynchronously.
     */
    public static JsonNode awaitOrder(Function<String, JsonNode> read, String trackingNumber, Predicate<JsonNode> done,
                                      String what) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        try {
            return Polling.await("order " + trackingNumber + " " + what, Duration.ofSeconds(30), Duration.ofMillis(100))
                    .until(() -> {
                        last.set(read.apply(trackingNumber));
                        return last.get();
                    }, done::test);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Order " + trackingNumber + " did not reach " + what + "; last seen: " + last.get(), e);
        }
    }
}
