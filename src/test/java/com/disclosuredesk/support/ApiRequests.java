package com.disclosuredesk.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

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
                                      String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = read.apply(trackingNumber);
            if (done.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Order " + trackingNumber + " did not reach " + what + "; last seen: " + last);
    }
}
