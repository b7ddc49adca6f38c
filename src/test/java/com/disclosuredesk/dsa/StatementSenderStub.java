package com.disclosuredesk.dsa;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for the DSA Transparency Database's API (test code only): a JDK {@link HttpServer} on an
 * ephemeral loopback port. {@code POST /api/v1/statements} answers per scenario (201 storing every puid, 422 naming
 * statements, slow: stores then answers after the client's timeout); {@code GET
 * /api/v1/statement/existing-puid/{puid}} answers 302 when it stored the puid, else 404. It records every batch and
 * Authorization header it received.
 */
public final class StatementSenderStub implements AutoCloseable {

    enum Mode { CREATED, REJECT, SLOW, FAIL_503 }

    private static final ObjectMapper JSON = new ObjectMapper();

    public final List<List<String>> batches = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    public final Set<String> stored = ConcurrentHashMap.newKeySet();
    final AtomicInteger lookups = new AtomicInteger();
    volatile Mode mode = Mode.CREATED;
    /** in REJECT mode: the errors object to answer for a batch of puids */
    volatile Function<List<String>, String> rejectErrors = puids -> "{\"statements.0.decision_ground\":[\"The selected decision ground is invalid.\"]}";
    volatile long slowMillis = 1500;
    private final HttpServer server;

    StatementSenderStub() throws IOException {
        this(0);
    }

    /** @param port a loopback port, 0 for an ephemeral one (the benchmark's {@code --port}) */
    public StatementSenderStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/statements", this::statements);
        server.createContext("/api/v1/statement/existing-puid/", this::existing);
        server.start();
    }

    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    private void statements(HttpExchange exchange) throws IOException {
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        List<String> puids = new java.util.ArrayList<>();
        body.path("statements").forEach(s -> puids.add(s.path("puid").asText()));
        batches.add(puids);
        switch (mode) {
            case CREATED -> {
                stored.addAll(puids);
                answer(exchange, 201, "{\"statements\":[]}");
            }
            case REJECT -> answer(exchange, 422, "{\"message\":\"invalid\",\"errors\":" + rejectErrors.apply(puids) + "}");
            case SLOW -> {
                stored.addAll(puids);
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    answer(exchange, 201, "{}");
                } catch (IOException ignored) {
                    // the client gave up
                }
            }
            case FAIL_503 -> answer(exchange, 503, "{\"message\":\"maintenance\"}");
        }
    }

    private void existing(HttpExchange exchange) throws IOException {
        lookups.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String puid = path.substring(path.lastIndexOf('/') + 1);
        if (stored.contains(puid)) answer(exchange, 302, "{\"puid\":\"" + puid + "\"}");
        else answer(exchange, 404, "{\"message\":\"statement not found\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
