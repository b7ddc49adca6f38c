package com.disclosuredesk.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.subscribers.DemoSubscriberGenerator;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The soak test (run by hand with {@code bench/soak.sh}, never by the build): the packaged application on the embedded
 * default (demo profile, H2 file database in {@code <dir>/data}, the JVM options of {@code scripts/jvm.options}) under a
 * realistic mix for a long time, killed with {@code kill -9} and restarted at a fixed interval.
 * <p>
 * The mix: two intake systems ({@code police-de}, {@code court-us}) submit orders (one in five without the document's
 * digest, so that the authority is asked for a clarification, which it then sends), follow their status and poll their
 * message feed; one in ten orders is withdrawn by its authority once it waits for approval (racing the approver); the
 * analyst ({@code analyst}) and the approver ({@code approver}) claim and complete their tasks over
 * {@code /engine-rest}, as Tasklist does. Every acknowledged action is remembered: a {@code 201} submission, an analysis
 * or approval answered {@code 204}, a withdrawal or clarification answered {@code 200}. After each restart every one of
 * them must still be there (the order, and the step in its timeline); what is missing is printed as lost.
 * <p>
 * Printed: per interval what was acknowledged and what was found after the restart, the resident memory (VmRSS),
 * the pool's connections (active, idle, pending; from {@code /actuator/prometheus}), the database file's size over time,
 * and p50/p99/max of each kind of call with its answers by status.
 */
public final class SoakRun {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final String ANALYSIS = """
            {"variables": {"analysisDecision": {"value": "%s"},
              "approvedCategories": {"value": "[\\"IP_ADDRESS\\",\\"PHONE_NUMBER\\"]", "type": "Json"},
              "legalReasoning": {"value": "Court order naming a suspect; the offence violates the Terms of Service."}}}
            """;
    private static final String APPROVAL = "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}, "
            + "\"approvalComment\": {\"value\": \"Approved.\"}}}";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Path dir;
    private final Path jar;
    private final List<String> jvmOptions;
    private final List<String> appArgs;
    private final int port;
    private final String base;
    private final Duration duration;
    private final Duration killEvery;
    private final String run = Long.toString(System.currentTimeMillis() % 10_000_000, 36);

    /** Acknowledged orders: tracking number → submitter and the timeline steps that were acknowledged. */
    private final Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> toAnalyse = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> toApprove = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> toClarify = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> toWithdraw = new ConcurrentLinkedQueue<>();
    private final Map<String, Calls> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> ackCounts = new ConcurrentHashMap<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();
    private final List<String> samples = Collections.synchronizedList(new ArrayList<>());
    private final List<String> restarts = Collections.synchronizedList(new ArrayList<>());
    private volatile Process app;
    private volatile long appStarted;

    record Ack(String submitter, Set<String> steps) {}

    private SoakRun(Path dir, Path jar, List<String> jvmOptions, List<String> appArgs, int port, Duration duration,
                    Duration killEvery) {
        this.dir = dir;
        this.jar = jar;
        this.jvmOptions = jvmOptions;
        this.appArgs = appArgs;
        this.port = port;
        this.base = "http://127.0.0.1:" + port;
        this.duration = duration;
        this.killEvery = killEvery;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>(Map.of("--minutes", "60", "--kill-every-minutes", "10",
                "--dir", "target/bench/soak", "--jar", "target/disclosure-desk-0.1.0-SNAPSHOT.jar",
                "--jvm-options", "scripts/jvm.options", "--app-args", ""));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        Path dir = Path.of(options.get("--dir")).toAbsolutePath();
        Files.createDirectories(dir);
        SoakRun soak = new SoakRun(dir, Path.of(options.get("--jar")).toAbsolutePath(),
                LoadBenchmark.jvmOptions(Path.of(options.get("--jvm-options"))),
                options.get("--app-args").isBlank() ? List.of() : List.of(options.get("--app-args").trim().split("\\s+")),
                freePort(),
                Duration.ofSeconds((long) (Double.parseDouble(options.get("--minutes")) * 60)),
                Duration.ofSeconds((long) (Double.parseDouble(options.get("--kill-every-minutes")) * 60)));
        String report = soak.soak();
        Files.writeString(dir.resolve("report.md"), report);
        System.out.println(report);
    }

    String soak() throws Exception {
        log("soak: %s of the mix, kill -9 every %s, application on port %d, data in %s", duration, killEvery, port,
                dir.resolve("data"));
        Instant begin = Instant.now();
        startApp(0);
        ExecutorService workers = Executors.newCachedThreadPool();
        List<Future<?>> running = new ArrayList<>();
        running.add(workers.submit(() -> loop("submit police-de", 1000, () -> submit("police-de"))));
        running.add(workers.submit(() -> loop("submit court-us", 1500, () -> submit("court-us"))));
        running.add(workers.submit(() -> loop("status", 250, this::followStatus)));
        running.add(workers.submit(() -> loop("feed police-de", 500, () -> pollFeed("police-de"))));
        running.add(workers.submit(() -> loop("feed court-us", 700, () -> pollFeed("court-us"))));
        running.add(workers.submit(() -> loop("analyst", 150, this::analyse)));
        running.add(workers.submit(() -> loop("approver", 150, this::approve)));
        running.add(workers.submit(() -> loop("clarifier", 300, this::clarify)));
        running.add(workers.submit(() -> loop("withdrawer", 300, this::withdraw)));
        running.add(workers.submit(() -> loop("sampler", 15_000, this::sample)));

        Instant end = begin.plus(duration);
        int interval = 0;
        while (Instant.now().isBefore(end)) {
            Instant next = Instant.now().plus(killEvery);
            Instant until = next.isBefore(end) ? next : end;
            while (Instant.now().isBefore(until)) {
                Thread.sleep(1000);
            }
            interval++;
            Map<String, Long> acked = ackSnapshot();
            long killedAt = System.nanoTime();
            app.destroyForcibly().waitFor();
            log("interval %d: kill -9 after %s acknowledged: %s", interval, Duration.between(begin, Instant.now())
                    .truncatedTo(ChronoUnit.SECONDS), acked);
            startApp(interval);
            double ready = (System.nanoTime() - killedAt) / 1e9;
            String check = checkNothingLost();
            String line = String.format(Locale.ROOT, "| %d | %s | %.1f s | %s |", interval, acked, ready, check);
            restarts.add(line);
            log("interval %d: ready %.1f s after the kill; after the restart: %s", interval, ready, check);
        }
        stop.set(true);
        for (Future<?> f : running) {
            f.get(2, TimeUnit.MINUTES);
        }
        workers.shutdown();
        String finalCheck = checkNothingLost();
        String statuses = statuses();
        app.destroy();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly().waitFor();
        }
        return report(begin, finalCheck, statuses);
    }

    // --- the mix ----------------------------------------------------------------------------------------------------

    private void submit(String intake) throws Exception {
        long n = sequence.incrementAndGet();
        boolean incomplete = n % 5 == 0;
        OrderSubmission order = order(intake, n);
        if (incomplete) {
            order = Orders.withoutDigest(order);
        }
        HttpResponse<String> r = call("submit", "POST", "/api/orders", intake, JSON.writeValueAsString(order));
        if (r != null && r.statusCode() == 201) {
            String trackingNumber = JSON.readTree(r.body()).get("trackingNumber").asText();
            acknowledged.put(trackingNumber, new Ack(intake, ConcurrentHashMap.newKeySet()));
            acknowledged.get(trackingNumber).steps().add("RECEIVED");
            count("submissions");
            (incomplete ? toClarify : toAnalyse).add(trackingNumber);
            if (n % 10 == 3) {
                toWithdraw.add(trackingNumber);
            }
        }
    }

    private void followStatus() throws Exception {
        List<String> known = new ArrayList<>(acknowledged.keySet());
        if (known.isEmpty()) {
            return;
        }
        String trackingNumber = known.get(ThreadLocalRandom.current().nextInt(known.size()));
        call("status", "GET", "/api/orders/" + trackingNumber, acknowledged.get(trackingNumber).submitter(), null);
    }

    private final Map<String, Long> feedPosition = new ConcurrentHashMap<>();

    private void pollFeed(String intake) throws Exception {
        HttpResponse<String> r = call("feed", "GET", "/api/messages?after=" + feedPosition.getOrDefault(intake, 0L)
                + "&limit=50", intake, null);
        if (r != null && r.statusCode() == 200) {
            for (JsonNode message : JSON.readTree(r.body())) {
                feedPosition.merge(intake, message.get("id").asLong(), Math::max);
            }
        }
    }

    private void analyse() throws Exception {
        String trackingNumber = toAnalyse.poll();
        if (trackingNumber == null) {
            return;
        }
        String task = task(trackingNumber, "Task_LegalAnalysis", "analyst");
        if (task == null) {
            if (!ended(trackingNumber)) {
                toAnalyse.add(trackingNumber);
            }
            return;
        }
        String decision = trackingNumber.hashCode() % 10 == 0 ? "REJECT" : "DISCLOSE";
        if (complete(task, "analyst", "complete analysis", ANALYSIS.formatted(decision))) {
            acknowledged.get(trackingNumber).steps().add("ANALYSED");
            count("analyses");
            if ("DISCLOSE".equals(decision)) {
                toApprove.add(trackingNumber);
            }
        } else if (!ended(trackingNumber)) {
            toAnalyse.add(trackingNumber);
        }
    }

    private void approve() throws Exception {
        String trackingNumber = toApprove.poll();
        if (trackingNumber == null) {
            return;
        }
        String task = task(trackingNumber, "Task_Approval", "approver");
        if (task == null) {
            if (!ended(trackingNumber)) {
                toApprove.add(trackingNumber);
            }
            return;
        }
        if (complete(task, "approver", "complete approval", APPROVAL)) {
            acknowledged.get(trackingNumber).steps().add("APPROVAL_APPROVE");
            count("approvals");
        } else if (!ended(trackingNumber)) {
            toApprove.add(trackingNumber);
        }
    }

    private void clarify() throws Exception {
        String trackingNumber = toClarify.poll();
        if (trackingNumber == null) {
            return;
        }
        String submitter = acknowledged.get(trackingNumber).submitter();
        String status = status(trackingNumber);
        if (!"NEEDS_CLARIFICATION".equals(status)) {
            if (status == null || !isFinal(status)) {
                toClarify.add(trackingNumber);
            }
            return;
        }
        HttpResponse<String> r = call("clarification", "POST", "/api/orders/" + trackingNumber + "/clarification", submitter,
                "{\"text\": \"The digest of the signed order.\", \"corrections\": {\"documentSha256\": \""
                        + Orders.DOCUMENT_SHA256 + "\"}}");
        if (r != null && r.statusCode() == 200) {
            acknowledged.get(trackingNumber).steps().add("CLARIFICATION_RECEIVED");
            count("clarifications");
            toAnalyse.add(trackingNumber);
        } else {
            toClarify.add(trackingNumber);
        }
    }

    private void withdraw() throws Exception {
        String trackingNumber = toWithdraw.poll();
        if (trackingNumber == null) {
            return;
        }
        String status = status(trackingNumber);
        if (status == null || !"AWAITING_APPROVAL".equals(status)) {
            if (status == null || !isFinal(status)) {
                toWithdraw.add(trackingNumber);
            }
            return;
        }
        HttpResponse<String> r = call("withdrawal", "POST", "/api/orders/" + trackingNumber + "/withdrawal",
                acknowledged.get(trackingNumber).submitter(), "{\"reason\": \"The investigation was closed.\"}");
        if (r != null && r.statusCode() == 200) {
            acknowledged.get(trackingNumber).steps().add("WITHDRAWN");
            count("withdrawals");
        } else if (r == null) {
            toWithdraw.add(trackingNumber);
        }
    }

    private String task(String trackingNumber, String key, String user) throws Exception {
        HttpResponse<String> r = call("task query", "GET", "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber
                + "&taskDefinitionKey=" + key, user, null);
        if (r == null || r.statusCode() != 200) {
            return null;
        }
        JsonNode tasks = JSON.readTree(r.body());
        return tasks.isEmpty() ? null : tasks.get(0).get("id").asText();
    }

    private boolean complete(String task, String user, String kind, String variables) throws Exception {
        HttpResponse<String> claimed = call("claim", "POST", "/engine-rest/task/" + task + "/claim", user,
                "{\"userId\":\"" + user + "\"}");
        if (claimed == null || claimed.statusCode() != 204) {
            return false;
        }
        HttpResponse<String> done = call(kind, "POST", "/engine-rest/task/" + task + "/complete", user, variables);
        return done != null && done.statusCode() == 204;
    }

    private String status(String trackingNumber) throws Exception {
        HttpResponse<String> r = call("status", "GET", "/api/orders/" + trackingNumber,
                acknowledged.get(trackingNumber).submitter(), null);
        return r != null && r.statusCode() == 200 ? JSON.readTree(r.body()).get("status").asText() : null;
    }

    private boolean ended(String trackingNumber) throws Exception {
        String status = status(trackingNumber);
        return status != null && isFinal(status);
    }

    private static boolean isFinal(String status) {
        return Set.of("DISCLOSED", "REJECTED", "WITHDRAWN").contains(status);
    }

    /** A court order naming a demo account; court-us submits for a US authority (its intake account's country). */
    private OrderSubmission order(String intake, long n) {
        int account = (int) (n % 5000) + 1;
        OrderSubmission o = Orders.valid("SOAK-" + run + "-" + n, List.of(
                new OrderSubmission.TargetSpec(TargetType.USERNAME, DemoSubscriberGenerator.username(account, 5000))));
        if ("court-us".equals(intake)) {
            o = new OrderSubmission(o.reference(), o.orderType(),
                    new OrderSubmission.Authority("U.S. Attorney's Office", "US", "cyber@usao.example"),
                    new OrderSubmission.Issuer(o.issuer().type(), "U.S. District Court"), o.issuedOn(), o.validUntil(),
                    o.offence(), o.suspectConfirmed(), o.emergency(), o.emergencyFacts(), o.targets(), o.dataCategories(),
                    o.period(), o.nonDisclosureUntil(), o.documentSha256(), o.preservationReference());
        }
        return o;
    }

    // --- nothing lost -----------------------------------------------------------------------------------------------

    /** Reads every acknowledged order back and checks that each acknowledged step is in its timeline. */
    private String checkNothingLost() throws Exception {
        Map<String, Ack> snapshot = Map.copyOf(acknowledged);
        Map<String, AtomicInteger> found = new TreeMap<>();
        List<String> lost = Collections.synchronizedList(new ArrayList<>());
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> reads = new ArrayList<>();
        for (Map.Entry<String, Ack> e : snapshot.entrySet()) {
            Set<String> expected = Set.copyOf(e.getValue().steps());
            reads.add(readers.submit(() -> {
                HttpResponse<String> r = null;
                for (int attempt = 0; attempt < 10 && (r == null || r.statusCode() == 503); attempt++) {
                    r = send("GET", "/api/orders/" + e.getKey(), e.getValue().submitter(), null);
                }
                if (r == null || r.statusCode() != 200) {
                    lost.add(e.getKey() + " (" + (r == null ? "no answer" : r.statusCode()) + ")");
                    return null;
                }
                List<String> steps = JSON.readTree(r.body()).get("timeline").findValuesAsText("step");
                for (String step : expected) {
                    if (steps.contains(step)) {
                        synchronized (found) {
                            found.computeIfAbsent(step, k -> new AtomicInteger()).incrementAndGet();
                        }
                    } else {
                        lost.add(e.getKey() + " " + step);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : reads) {
            f.get();
        }
        readers.shutdown();
        Map<String, Integer> counts = new TreeMap<>();
        found.forEach((k, v) -> counts.put(k, v.get()));
        return String.format(Locale.ROOT, "%d orders read back, steps found %s, lost %d%s", snapshot.size(), counts,
                lost.size(), lost.isEmpty() ? "" : " " + lost.subList(0, Math.min(20, lost.size())));
    }

    private String statuses() throws Exception {
        // let the job executor finish what is due, then count the orders by status
        Thread.sleep(20_000);
        Map<String, Integer> byStatus = new TreeMap<>();
        for (Map.Entry<String, Ack> e : Map.copyOf(acknowledged).entrySet()) {
            HttpResponse<String> r = send("GET", "/api/orders/" + e.getKey(), e.getValue().submitter(), null);
            byStatus.merge(r != null && r.statusCode() == 200 ? JSON.readTree(r.body()).get("status").asText()
                    : "unreadable", 1, Integer::sum);
        }
        return byStatus.toString();
    }

    private Map<String, Long> ackSnapshot() {
        Map<String, Long> snapshot = new TreeMap<>();
        ackCounts.forEach((k, v) -> snapshot.put(k, v.get()));
        return snapshot;
    }

    private void count(String what) {
        ackCounts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    // --- resources over time ----------------------------------------------------------------------------------------

    private void sample() throws Exception {
        Process p = app;
        if (p == null || !p.isAlive()) {
            return;
        }
        long rss = statusKb(p.pid(), "VmRSS") / 1024;
        long threads = statusKb(p.pid(), "Threads");
        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", "monitor", null);
        String active = "?";
        String idle = "?";
        String pending = "?";
        if (metrics != null && metrics.statusCode() == 200) {
            active = metric(metrics.body(), "hikaricp_connections_active");
            idle = metric(metrics.body(), "hikaricp_connections_idle");
            pending = metric(metrics.body(), "hikaricp_connections_pending");
        }
        long dbMb = Files.exists(dir.resolve("data/disclosure-desk.mv.db"))
                ? Files.size(dir.resolve("data/disclosure-desk.mv.db")) / (1024 * 1024) : -1;
        String line = String.format(Locale.ROOT, "| %s | %d | %d MB | %s | %s | %s | %d MB | %d |",
                Duration.ofSeconds((System.nanoTime() - appStarted) / 1_000_000_000L), p.pid(), rss, active, idle,
                pending, dbMb, acknowledged.size());
        samples.add(String.format(Locale.ROOT, "| %s %s", Instant.now().truncatedTo(ChronoUnit.SECONDS), line));
        log("sample: rss %d MB, threads %d, connections active %s idle %s pending %s, database %d MB, orders %d", rss,
                threads, active, idle, pending, dbMb, acknowledged.size());
    }

    private static String metric(String body, String name) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} ([0-9.Ee+-]+)").matcher(body);
        return m.find() ? String.valueOf((long) Double.parseDouble(m.group(1))) : "?";
    }

    private static long statusKb(long pid, String field) {
        try {
            Matcher m = Pattern.compile(field + ":\\s+(\\d+)").matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
            return m.find() ? Long.parseLong(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    // --- the application --------------------------------------------------------------------------------------------

    private void startApp(int generation) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        command.addAll(appArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("app.log").toFile()));
        builder.environment().put("SPRING_PROFILES_ACTIVE", "demo");
        appStarted = System.nanoTime();
        app = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new IllegalStateException("the application exited with " + app.exitValue() + " (see app.log)");
            }
            HttpResponse<String> r = send("GET", "/actuator/health/readiness", null, null);
            if (r != null && r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                log("start %d: ready after %.1f s (pid %d)", generation, (System.nanoTime() - appStarted) / 1e9, app.pid());
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the application was not ready within 5 minutes");
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    interface Step {
        void run() throws Exception;
    }

    private void loop(String name, long pauseMs, Step step) {
        while (!stop.get()) {
            try {
                step.run();
            } catch (Exception e) {
                log("%s: %s", name, e);
            }
            try {
                Thread.sleep(pauseMs / 2 + ThreadLocalRandom.current().nextLong(pauseMs));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One measured call; null when the application did not answer (killed, restarting). */
    private HttpResponse<String> call(String kind, String method, String path, String user, String body) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> r = send(method, path, user, body);
        long micros = (System.nanoTime() - t0) / 1000;
        calls.computeIfAbsent(kind, k -> new Calls()).add(r == null ? -1 : r.statusCode(), micros);
        if (r == null) {
            Thread.sleep(1000);
        }
        return r;
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", path.startsWith("/actuator/prometheus") ? "text/plain" : "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        }
    }

    static final class Calls {
        private final List<Long> micros = new ArrayList<>();
        private final Map<String, Integer> statuses = new TreeMap<>();

        synchronized void add(int status, long us) {
            statuses.merge(status < 0 ? "no answer" : String.valueOf(status), 1, Integer::sum);
            if (status >= 200 && status < 300) {
                micros.add(us);
            }
        }

        synchronized String row(String kind) {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f | %s |", kind, sorted.size(),
                    pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1000.0,
                    statuses);
        }

        private static double pct(List<Long> sorted, double p) {
            if (sorted.isEmpty()) {
                return 0;
            }
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1000.0;
        }
    }

    // --- report -----------------------------------------------------------------------------------------------------

    private String report(Instant begin, String finalCheck, String statuses) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Soak of %s from %s, kill -9 every %s; %d cores; JVM options %s%n%n",
                Duration.between(begin, Instant.now()).truncatedTo(ChronoUnit.SECONDS), begin.truncatedTo(ChronoUnit.SECONDS),
                killEvery, Runtime.getRuntime().availableProcessors(), String.join(" ", jvmOptions)));
        out.append("| restart | acknowledged before the kill (cumulative) | ready after the kill | read back after the restart |\n");
        out.append("|---|---|---|---|\n");
        restarts.forEach(r -> out.append(r).append('\n'));
        out.append(String.format(Locale.ROOT, "%nAt the end: acknowledged %s; %s; orders by status %s%n%n", ackSnapshot(),
                finalCheck, statuses));
        out.append("| call | answered 2xx | p50 ms | p99 ms | max ms | answers by status |\n|---|---:|---:|---:|---:|---|\n");
        new TreeMap<>(calls).forEach((kind, c) -> out.append(c.row(kind)).append('\n'));
        out.append("\n| time | since start | pid | RSS | connections active | idle | pending | database file | orders |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        samples.forEach(s -> out.append(s).append('\n'));
        return out.toString();
    }

    private static void log(String format, Object... args) {
        System.out.println("[soak " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] "
                + String.format(Locale.ROOT, format, args));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
