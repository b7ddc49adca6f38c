package com.disclosuredesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Notice intake against a started application (bench/content-reports.sh), printing figures; never part of a build.
 * <ol>
 *   <li><b>bare engine</b>: starts of a trivial one-step process over {@code /engine-rest} (deployed by this client for
 *       the benchmark only), {@code --clients} clients for {@code --seconds}, as bench/load.sh measures it;</li>
 *   <li><b>intake, 90% joining</b>: {@code POST /api/content-reports} by the same number of clients for the same time;
 *       {@code --join-ratio} of the notices are about one of {@code --hot-subjects} subjects whose cases are open (they
 *       join), the others about a new subject each (they start a case and its process). Target: at least the bare
 *       engine's rate (a joining notice costs no process start), p99 under 200 ms;</li>
 *   <li><b>burst</b>: {@code --notices} notices about {@code --subjects} new subjects, {@code --clients} at a time, as
 *       fast as they are answered; then checks over the API that it ended as {@code --subjects} cases holding
 *       {@code --notices} notices and that the gateway's feed has one receipt per notice (nothing lost), and prints the
 *       time.</li>
 * </ol>
 * Options: {@code --base http://localhost:8093 --clients 8 --seconds 20 --warmup-seconds 5 --join-ratio 0.9
 * --hot-subjects 100 --notices 100000 --subjects 1000 --skip-load --skip-burst}.
 */
public final class ContentReportBenchmark {

    private static final String TRIVIAL_BPMN = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="bench" targetNamespace="bench">
              <process id="bench-trivial" name="Benchmark: trivial" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="start"/>
                <sequenceFlow id="f1" sourceRef="start" targetRef="step"/>
                <task id="step"/>
                <sequenceFlow id="f2" sourceRef="step" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """;

    private static final String GATEWAY = "report-bot";

    record Load(int requests, int errors, double seconds, double perSecond, double p50, double p99, double max) {
        String figures() {
            return String.format(Locale.ROOT, "%.1f/s (p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d requests%s)", perSecond, p50, p99,
                    max, requests, errors == 0 ? "" : ", " + errors + " errors");
        }
    }

    interface Request {
        boolean send() throws Exception;
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final int clients;
    private final String run = Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    private ContentReportBenchmark(String base, int clients) {
        this.base = base;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--skip-load") || args[i].equals("--skip-burst")) {
                flags.add(args[i]);
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        String base = options.getOrDefault("base", "http://localhost:8093");
        int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
        Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", "5")));
        double joinRatio = Double.parseDouble(options.getOrDefault("join-ratio", "0.9"));
        int hotSubjects = Integer.parseInt(options.getOrDefault("hot-subjects", "100"));
        int notices = Integer.parseInt(options.getOrDefault("notices", "100000"));
        int subjects = Integer.parseInt(options.getOrDefault("subjects", "1000"));

        ContentReportBenchmark bench = new ContentReportBenchmark(base, clients);
        System.out.printf(Locale.ROOT, "content reports against %s, %d clients, %d cores here%n", base, clients,
                Runtime.getRuntime().availableProcessors());
        if (!flags.contains("--skip-load")) {
            bench.load(warmup, seconds, joinRatio, hotSubjects);
        }
        if (!flags.contains("--skip-burst")) {
            bench.burst(notices, subjects);
        }
    }

    // --- (a) intake with 90% joining notices, beside the bare engine ---------------------------------------------------

    void load(Duration warmup, Duration seconds, double joinRatio, int hotSubjects) throws Exception {
        deployTrivial();
        for (int s = 0; s < hotSubjects; s++) {
            expectCreated(postNotice("hot-" + run + "-" + s, hotSubject(s)));
        }
        AtomicLong counter = new AtomicLong();
        Request intake = () -> {
            long n = counter.incrementAndGet();
            boolean join = ThreadLocalRandom.current().nextDouble() < joinRatio;
            String subject = join ? hotSubject(ThreadLocalRandom.current().nextInt(hotSubjects)) : "t.me/new_" + run + "_" + n + "/1";
            return postNotice("load-" + run + "-" + n, subject).statusCode() == 201;
        };
        Request bare = () -> send(post(base + "/engine-rest/process-definition/key/bench-trivial/start", "admin", "{}"))
                .statusCode() == 200;

        runLoad(warmup, bare);
        Load engine = runLoad(seconds, bare);
        System.out.println("bare engine (start of a trivial process over /engine-rest): " + engine.figures());
        runLoad(warmup, intake);
        Load notices = runLoad(seconds, intake);
        System.out.printf(Locale.ROOT, "intake (POST /api/content-reports, %.0f%% joining one of %d open cases): %s%n",
                joinRatio * 100, hotSubjects, notices.figures());
        System.out.printf(Locale.ROOT, "intake / bare engine: %.0f%% (target: 100%% or more); intake p99 %.0f ms (target: under "
                + "200 ms): %s, %s%n", 100 * notices.perSecond() / engine.perSecond(), notices.p99(),
                notices.perSecond() >= engine.perSecond() ? "PASS" : "FAIL", notices.p99() < 200 ? "PASS" : "FAIL");
    }

    private String hotSubject(int s) {
        return "https://t.me/hot_" + run + "_" + s + "/1";
    }

    // --- (b) a burst about many subjects ----------------------------------------------------------------------------

    void burst(int notices, int subjects) throws Exception {
        long feedStart = lastMessageId();
        System.out.printf(Locale.ROOT, "burst: %d notices about %d subjects, %d clients ...%n", notices, subjects, clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Set<Long> noticeIds = ConcurrentHashMap.newKeySet();
        Map<String, AtomicInteger> perCase = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < notices) {
                    // each subject written one of three ways: normalisation makes them one
                    int s = i % subjects;
                    String subject = switch (i % 3) {
                        case 0 -> "https://t.me/burst_" + run + "_" + s + "/7";
                        case 1 -> "t.me/BURST_" + run + "_" + s + "/7/";
                        default -> "www.t.me/burst_" + run + "_" + s + "/7?single";
                    };
                    HttpResponse<String> answer = postNotice("burst-" + run + "-" + i, subject);
                    if (answer.statusCode() != 201) {
                        refused.incrementAndGet();
                        continue;
                    }
                    JsonNode body = json.readTree(answer.body());
                    noticeIds.add(body.get("noticeId").asLong());
                    perCase.computeIfAbsent(body.get("caseNumber").asText(), k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "burst answered in %.1f s (%.1f notices/s), %d refused%n", seconds, notices / seconds,
                refused.get());

        // what the application says: cases, their counts, the receipts in the feed
        long counted = 0;
        for (String caseNumber : perCase.keySet()) {
            JsonNode c = json.readTree(send(get(base + "/api/content-reports/" + caseNumber, GATEWAY)).body());
            counted += c.path("noticeCount").asLong();
        }
        long receipts = 0;
        long after = feedStart;
        while (true) {
            JsonNode page = json.readTree(send(get(base + "/api/content-reports/messages?after=" + after + "&limit=1000", GATEWAY)).body());
            if (page.isEmpty()) {
                break;
            }
            for (JsonNode m : page) {
                after = m.get("id").asLong();
                if (m.get("kind").asText().equals("RECEIPT") && noticeIds.contains(m.path("noticeId").asLong())) {
                    receipts++;
                }
            }
        }
        boolean ok = refused.get() == 0 && noticeIds.size() == notices && perCase.size() == subjects && counted == notices
                && receipts == notices;
        System.out.printf(Locale.ROOT, "burst result: %d notices stored, %d cases (expected %d), %d notices counted in them, "
                + "%d receipts in the feed; nothing lost: %s; %.1f s%n", noticeIds.size(), perCase.size(), subjects, counted,
                receipts, ok ? "PASS" : "FAIL", seconds);
    }

    private long lastMessageId() throws Exception {
        long after = 0;
        while (true) {
            JsonNode page = json.readTree(send(get(base + "/api/content-reports/messages?after=" + after + "&limit=1000", GATEWAY)).body());
            if (page.isEmpty()) {
                return after;
            }
            after = page.get(page.size() - 1).get("id").asLong();
        }
    }

    // --- load, HTTP -------------------------------------------------------------------------------------------------

    Load runLoad(Duration duration, Request request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + duration.toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<Future<long[]>> futures = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = request.send();
                    } catch (IOException e) {
                        ok = false;
                    }
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = System.nanoTime() - t0;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        int ok = merged.length - errors.get();
        return new Load(merged.length, errors.get(), seconds, ok / seconds, percentile(merged, 50), percentile(merged, 99),
                merged.length == 0 ? 0 : merged[merged.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private HttpResponse<String> postNotice(String externalId, String messageLink) throws Exception {
        String body = """
                {"externalId": "%s", "subject": {"type": "MESSAGE", "reference": "%s"},
                 "category": "RISK_FOR_PUBLIC_SECURITY", "specification": "TERRORIST_CONTENT",
                 "explanation": "Benchmark notice.", "country": "DE",
                 "notifier": {"id": "bench-%s", "name": "Bench Notifier", "email": "bench@mail.example"},
                 "goodFaith": true, "evidence": {"text": "benchmark", "mediaSha256": null}}
                """.formatted(externalId, messageLink, externalId);
        return send(post(base + "/api/content-reports", GATEWAY, body));
    }

    private void expectCreated(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.request().uri() + ": " + response.statusCode() + " " + response.body());
        }
    }

    private void deployTrivial() throws Exception {
        String boundary = "bench" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-trivial\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"bench-trivial.bpmn\"; filename=\"bench-trivial.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + TRIVIAL_BPMN + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                .header("Authorization", basic("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("deployment: " + response.statusCode() + " " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest post(String url, String user, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user)).header("Accept", "application/json").GET().build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
