package com.disclosuredesk.dsa;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The HTTP side of {@link StatementSender}: the two calls of the DSA Transparency Database's API it uses, on the
 * JDK's {@link HttpClient} (no redirects followed, a request timeout from configuration).
 * <ul>
 *   <li>{@code POST {base}/api/v1/statements}, body {@code {"statements": [...]}} (at most 100): 201 = all stored;</li>
 *   <li>{@code GET {base}/api/v1/statement/existing-puid/{puid}}: 302 (or 200) = the Database has it, 404 = not.</li>
 * </ul>
 * The token goes only into the {@code Authorization: Bearer} header; it is never part of a message or log line.
 */
public class StatementSenderClient {

    /** What the Database answered: a status, or none (timeout, connection refused) with the exception's kind. */
    public record Answer(int status, String body, String failure) {
        public boolean clear() {
            return status == 201 || status == 422;
        }

        /** Status and a short reason for cr_statement.last_answer (no token, no headers). */
        public String summary() {
            if (failure != null) return "no answer: " + failure;
            String b = body == null ? "" : body;
            return status + (b.isEmpty() ? "" : " " + (b.length() > 1500 ? b.substring(0, 1500) : b));
        }
    }

    /** Whether existing-puid found the statement: TRUE, FALSE or null (no clear answer). */
    public enum Existence { EXISTS, ABSENT, UNKNOWN }

    private final StatementSenderProperties settings;
    private final HttpClient http;

    public StatementSenderClient(StatementSenderProperties settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private String base() {
        String b = settings.baseUrl();
        return b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    /** POSTs the statements (each already a JSON object) as one batch. */
    public Answer post(List<String> statementsJson) {
        String body = "{\"statements\":[" + String.join(",", statementsJson) + "]}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/statements"))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return send(request);
    }

    /** Asks the Database whether it already has a statement with this puid. */
    public Existence exists(String puid) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/api/v1/statement/existing-puid/"
                        + URLEncoder.encode(puid, StandardCharsets.UTF_8)))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + settings.token())
                .header("Accept", "application/json")
                .GET()
                .build();
        Answer answer = send(request);
        if (answer.status() == 302 || answer.status() == 200) return Existence.EXISTS;
        if (answer.status() == 404) return Existence.ABSENT;
        return Existence.UNKNOWN;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), null);
        } catch (IOException e) {
            // the exception's class only: its message may carry the URL, never the token, but keep it short
            return new Answer(0, null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null, "interrupted");
        }
    }
}
