package com.disclosuredesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Load and speed of the whole application over HTTP (not a unit test: it prints figures and asserts nothing).
 * Run it through {@code bench/load.sh}, which builds the jar and prepares the databases.
 *
 * <p>For each database (H2 file, PostgreSQL) it starts the packaged application with {@link #JVM_OPTIONS} on a fresh
 * database (profile {@code demo}, or {@code demo,postgres}: demo users and subscriber data) and measures,
 * with {@code --clients} concurrent clients (default 8), each sending its next request when the last one answered:
 * <ol>
 *   <li><b>bare engine</b>: starts of a trivial one-step process over {@code /engine-rest} (deployed by this client
 *       for the benchmark only, through {@code /engine-rest/deployment/create}; it is not part of the application);</li>
 *   <li><b>intake</b>: full orders over {@code POST /api/orders} (stored, validated, process started, acknowledged);</li>
 *   <li><b>lifecycle</b>: orders driven over REST from submission through analysis and approval (claim and complete
 *       over {@code /engine-rest}, as Tasklist does) to disclosure and the ledger entry (asynchronous steps of the
 *       job executor), orders per second from the first submission to the last order closed;</li>
 *   <li><b>start-up</b> (fresh database, and a restart on the filled one) until the readiness probe answers UP, and
 *       the resident memory of the process (VmRSS, and its peak VmHWM) after the load.</li>
 * </ol>
 * Every request signs in with HTTP basic, as clients do. Between phases it waits until the job executor has no job
 * due. It prints a Markdown table and, with {@code --docs}, writes it into docs/performance.md between the markers
 * {@value #BEGIN} and {@value #END}.
 */
public final class LoadBenchmark {

    /** The JVM options of a node (docs/operations.md), one per line, {@code #} comments: the default of {@code --jvm}. */
    static final Path JVM_OPTIONS = Path.of("scripts/jvm.options");

    /** Demo accounts of the demo profile (application-demo.yaml). */
    static final int DEMO_ACCOUNTS = 5000;

    static final String BEGIN = "<!-- bench/load.sh: begin -->";
    static final String END = "<!-- bench/load.sh: end -->";

    /** The options of a java argument file (one or more per line, {@code #} starts a comment), in their order. */
    static List<String> jvmOptions(Path file) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String text = line.replaceFirst("#.*", "").trim();
            if (!text.isEmpty()) {
                options.addAll(Arrays.asList(text.split("\\s+")));
            }
        }
        return options;
    }

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

    record Db(String name, String url, String user, String password) {}

    record Load(int requests, int errors, double seconds, double perSecond, double p50, double p99, double max,
                double cpuMsPerRequest) {
        String figures() {
            return String.format(Locale.ROOT, "%.1f/s (p50 %.0f ms, p99 %.0f ms, max %.0f ms; %d requests%s; "
                            + "application CPU %.1f ms per request)",
                    perSecond, p50, p99, max, requests, errors == 0 ? "" : ", " + errors + " errors", cpuMsPerRequest);
        }
    }

    /**
     * The lifecycle phase: orders per second and the application's CPU per order; requests of all clients per order,
     * polls per order (empty task lists, reads of an order not closed yet), and the polling's share of the CPU.
     */
    record Lifecycle(int orders, double seconds, double perSecond, double cpuMsPerOrder, double requestsPerOrder,
                     double taskPollsPerOrder, double feedPollsPerOrder, double pollShare, double machineMsPerOrder) {
        static Lifecycle none() {
            return new Lifecycle(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN);
        }

        Lifecycle withPollShare(double share) {
            return new Lifecycle(orders, seconds, perSecond, cpuMsPerOrder, requestsPerOrder, taskPollsPerOrder,
                    feedPollsPerOrder, share, machineMsPerOrder);
        }
    }

    record Result(Db db, double freshStart, double restart, double cdsRestart, Load bare, Load intake, double intakeBacklog,
                  Lifecycle lifecycle, long rssMb, long peakRssMb, long restartRssMb, String load) {}

    private final Path jar;
    private final int clients;
    private final Duration warmup;
    private final Duration measure;
    private final int lifecycleOrders;
    private final List<String> jvmOptions;
    private final Path logDir;
    /** Extracted application with its class data sharing archive (scripts/cds-archive.sh), or null. */
    private final Path cdsDir;
    /** More arguments of the application (Spring properties), e.g. to measure it without a fix. */
    private final List<String> appArgs;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** Whether the application under test runs its job executor (off: an intake node of a cluster). */
    private boolean jobExecutorOn = true;
    /** The application under test (for its CPU time). */
    private App app;
    private final String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));

    LoadBenchmark(Path jar, int clients, Duration warmup, Duration measure, int lifecycleOrders, List<String> jvmOptions,
                  Path logDir, Path cdsDir, List<String> appArgs) {
        this.jar = jar;
        this.appArgs = appArgs;
        this.cdsDir = cdsDir;
        this.clients = clients;
        this.warmup = warmup;
        this.measure = measure;
        this.lifecycleOrders = lifecycleOrders;
        this.jvmOptions = jvmOptions;
        this.logDir = logDir;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        List<Db> dbs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--db")) {
                // --db name,jdbcUrl,user,password
                String[] p = args[++i].split(",", 4);
                dbs.add(new Db(p[0], p[1], p.length > 2 ? p[2] : "", p.length > 3 ? p[3] : ""));
            } else if (a.startsWith("--")) {
                o.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        LoadBenchmark bench = new LoadBenchmark(Path.of(o.getOrDefault("jar", "target/disclosure-desk-0.1.0-SNAPSHOT.jar")),
                Integer.parseInt(o.getOrDefault("clients", "8")),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("warmup-seconds", "10"))),
                Duration.ofSeconds(Long.parseLong(o.getOrDefault("seconds", "20"))),
                Integer.parseInt(o.getOrDefault("lifecycle-orders", "200")),
                o.containsKey("jvm") ? List.of(o.get("jvm").trim().split("\\s+")) : jvmOptions(JVM_OPTIONS),
                Path.of(o.getOrDefault("log-dir", "target/bench/load")),
                o.containsKey("cds-dir") ? Path.of(o.get("cds-dir")) : null,
                o.containsKey("app-args") ? List.of(o.get("app-args").trim().split("\\s+")) : List.of());
        Files.createDirectories(bench.logDir);
        List<Result> results = new ArrayList<>();
        int runNumber = 0;
        for (Db db : dbs) {
            runNumber++;
            System.out.printf(Locale.ROOT, "%n=== %s (%d of %d) ===%n", db.name(), runNumber, dbs.size());
            results.add(bench.runOn(db, runNumber));
        }
        String table = table(results, bench);
        System.out.println();
        System.out.println(table);
        if (o.containsKey("docs")) {
            writeDocs(Path.of(o.get("docs")), table);
            System.out.println("Written to " + o.get("docs"));
        }
    }

    Result runOn(Db db, int runNumber) throws Exception {
        int port = freePort(8083);
        Path log = logDir.resolve("app-" + db.name() + "-" + run + "-" + runNumber + ".log");
        app = App.start(jar, jvmOptions, appArgs, db, port, log);
        double freshStart;
        Load bare;
        Load intake;
        double intakeBacklog;
        Lifecycle lifecycle;
        long rss;
        long peak;
        StringBuilder load = new StringBuilder();
        try {
            freshStart = app.awaitReady(Duration.ofMinutes(3));
            System.out.printf(Locale.ROOT, "ready after %.1f s (fresh database, demo data generated)%n", freshStart);
            String base = "http://127.0.0.1:" + port;
            jobExecutorOn = json.readTree(send(get(base + "/actuator/health/jobExecutor", "monitor")).body())
                    .path("details").path("enabled").asBoolean(true);
            if (!jobExecutorOn) {
                System.out.println("job executor off on this node (an intake node): its orders' steps wait for worker "
                        + "nodes; no backlog, no lifecycle measured");
            }
            deployTrivial(base);

            System.out.println("warm-up...");
            runLoad(warmup, () -> startTrivial(base));
            runLoad(warmup, intakeRequest(base, "W" + runNumber));
            drainJobs(base);

            load.append(loadAverage());
            bare = runLoad(measure, () -> startTrivial(base));
            System.out.println("bare engine (start of a trivial process over /engine-rest): " + bare.figures());
            drainJobs(base);

            load.append(", ").append(loadAverage());
            intake = runLoad(measure, intakeRequest(base, "I" + runNumber));
            System.out.println("intake (POST /api/orders): " + intake.figures());
            intakeBacklog = drainJobs(base);

            load.append(", ").append(loadAverage());
            if (jobExecutorOn) {
                lifecycle(base, Math.min(16, lifecycleOrders), "LW" + runNumber);
                drainJobs(base);
                TableStats before = TableStats.of(db);
                Instant from = Instant.now();
                lifecycle = lifecycle(base, lifecycleOrders, "L" + runNumber);
                System.out.printf(Locale.ROOT, "lifecycle phase from %s to %s (UTC; for Flight Recorder windows)%n", from,
                        Instant.now());
                drainJobs(base);
                if (before != null) {
                    String rows = TableStats.of(db).since(before, lifecycleOrders);
                    System.out.println(rows);
                    Files.writeString(logDir.resolve("rows-" + db.name() + "-" + run + "-" + runNumber + ".md"), rows);
                }
            } else {
                lifecycle = Lifecycle.none();
            }
            if (jobExecutorOn) {
                System.out.printf(Locale.ROOT, "lifecycle: %d orders in %.1f s: %.1f orders/s (application CPU %.0f ms per order, "
                                + "%.1f bare starts; %.1f requests per order, of them %.1f task lists and %.1f feed reads that "
                                + "brought nothing new: polling %.0f%% of the CPU; the whole machine's CPU %.0f ms per order: "
                                + "the database, the clients and the application)%n",
                        lifecycle.orders(), lifecycle.seconds(), lifecycle.perSecond(), lifecycle.cpuMsPerOrder(),
                        lifecycle.cpuMsPerOrder() / bare.cpuMsPerRequest(), lifecycle.requestsPerOrder(),
                        lifecycle.taskPollsPerOrder(), lifecycle.feedPollsPerOrder(), 100 * lifecycle.pollShare(),
                        lifecycle.machineMsPerOrder());
            }
            load.append(", ").append(loadAverage());
            rss = app.memoryMb("VmRSS");
            peak = app.memoryMb("VmHWM");
            if (String.join(" ", jvmOptions).contains("NativeMemoryTracking")) {
                app.nativeMemory(logDir.resolve("nmt-" + db.name() + "-" + run + "-" + runNumber + ".txt"));
            }
            System.out.printf(Locale.ROOT, "resident memory after the load: %d MB (peak %d MB)%n", rss, peak);
        } finally {
            app.stop();
        }
        App again = App.start(jar, jvmOptions, appArgs, db, port, logDir.resolve("app-" + db.name() + "-" + run + "-" + runNumber
                + "-restart.log"));
        double restart;
        long restartRss;
        try {
            restart = again.awaitReady(Duration.ofMinutes(3));
            restartRss = again.memoryMb("VmRSS");
            System.out.printf(Locale.ROOT, "restart: ready after %.1f s, %d MB resident%n", restart, restartRss);
        } finally {
            again.stop();
        }
        double cdsRestart = Double.NaN;
        if (cdsDir != null) {
            List<String> options = new ArrayList<>(jvmOptions);
            options.add("-XX:SharedArchiveFile=app.jsa");
            App cds = App.start(Path.of("disclosure-desk.jar"), options, appArgs, db, port, logDir.toAbsolutePath().resolve("app-"
                    + db.name() + "-" + run + "-" + runNumber + "-restart-cds.log"), cdsDir);
            try {
                cdsRestart = cds.awaitReady(Duration.ofMinutes(3));
                System.out.printf(Locale.ROOT, "restart with class data sharing: ready after %.1f s%n", cdsRestart);
            } finally {
                cds.stop();
            }
        }
        return new Result(db, freshStart, restart, cdsRestart, bare, intake, intakeBacklog, lifecycle, rss, peak, restartRss,
                load.toString());
    }

    // --- phases ----------------------------------------------------------------------------------------------------

    interface Request {
        /** Sends one request; answers whether it succeeded. */
        boolean send() throws Exception;
    }

    /** {@link #clients} clients send requests back to back for {@code duration}; latencies of every request. */
    Load runLoad(Duration duration, Request request) throws Exception {
        long cpuBefore = app == null ? 0 : app.cpuMs();
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
                    long t = System.nanoTime() - t0;
                    if (!ok) {
                        errors.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = t;
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
        double cpu = app == null || merged.length == 0 ? 0 : (app.cpuMs() - cpuBefore) / (double) merged.length;
        return new Load(merged.length, errors.get(), seconds, ok / seconds, percentile(merged, 50), percentile(merged, 99),
                merged.length == 0 ? 0 : merged[merged.length - 1] / 1e6, cpu);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private boolean startTrivial(String base) throws Exception {
        HttpResponse<String> r = send(post(base + "/engine-rest/process-definition/key/bench-trivial/start", "admin", "{}"));
        return r.statusCode() == 200;
    }

    private Request intakeRequest(String base, String prefix) {
        AtomicLong counter = new AtomicLong();
        return () -> {
            String body = json.writeValueAsString(order("BENCH-" + run + "-" + prefix + "-", counter.incrementAndGet()));
            HttpResponse<String> r = send(post(base + "/api/orders", "police-de", body));
            return r.statusCode() == 201;
        };
    }

    /**
     * The n-th order of a phase: a valid court order naming its own demo account (username and account id of one of
     * the first {@value #DEMO_ACCOUNTS} demo accounts, taken in turn), as orders name different suspects in reality.
     * (With one suspect for all, every order would list all the others as related orders.)
     */
    static OrderSubmission order(String referencePrefix, long n) {
        int account = (int) (n % DEMO_ACCOUNTS) + 1;
        return Orders.valid(referencePrefix + n, List.of(
                new OrderSubmission.TargetSpec(TargetType.USERNAME, DemoSubscriberGenerator.username(account, DEMO_ACCOUNTS)),
                new OrderSubmission.TargetSpec(TargetType.ACCOUNT_ID, Long.toString(DemoSubscriberGenerator.accountId(account)))));
    }

    /**
     * {@code orders} orders through their whole life, driven as the systems and people involved do, until the last
     * one's ledger entry is written:
     * <ul>
     *   <li>{@link #clients} authority clients submit orders ({@code POST /api/orders}), at most {@link #inFlight()}
     *       open at once;</li>
     *   <li>per step (legal analysis, approval) one task list ({@code GET /engine-rest/task} of the step, as Tasklist
     *       shows it, refreshed every {@value #POLL_MS} ms while it brings nothing new) and two members of staff who
     *       claim and complete what it shows ({@code /engine-rest/task/{id}/claim}, {@code .../complete});</li>
     *   <li>the authority follows its orders through its message feed ({@code GET /api/messages?after=N}, one request
     *       for all of them, every {@value #POLL_MS} ms while it brings nothing new) until each one is disclosed.</li>
     * </ul>
     * The phase ends when every order is disclosed and the job executor has no job left (the ledger step); the CPU
     * time is read then. Afterwards, outside the phase, every order is read once: it must be disclosed and closed
     * (timeline {@code CLOSED}, the ledger entry written). A task list or feed read that brings nothing new is a
     * <em>poll</em>; the application's CPU time of the polls is estimated afterwards ({@link #pollCpuMs}) and reported
     * as the polling's share.
     */
    Lifecycle lifecycle(String base, int orders, String prefix) throws Exception {
        String references = "BENCH-" + run + "-" + prefix + "-";
        long feedHead = feedHead(base);
        long cpuBefore = app.cpuMs();
        long machineBefore = machineBusyMs();
        ExecutorService pool = Executors.newFixedThreadPool(clients + 7);
        java.util.concurrent.Semaphore open = new java.util.concurrent.Semaphore(inFlight());
        // the orders of this phase not disclosed yet (business keys): the task lists show only these, as the orders
        // of earlier phases still wait for their analysis
        java.util.Set<String> openOrders = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> submitted = new ConcurrentLinkedQueue<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger disclosed = new AtomicInteger();
        AtomicInteger taskPolls = new AtomicInteger();
        AtomicInteger feedPolls = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(10).toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < orders) {
                    open.acquire();
                    String body = json.writeValueAsString(order(references, i));
                    HttpResponse<String> created = send(post(base + "/api/orders", "police-de", body));
                    requests.incrementAndGet();
                    if (created.statusCode() != 201) {
                        throw new IllegalStateException("submit: " + created.statusCode() + " " + created.body());
                    }
                    String trackingNumber = json.readTree(created.body()).get("trackingNumber").asText();
                    openOrders.add(trackingNumber);
                    submitted.add(trackingNumber);
                }
                return null;
            }));
        }
        String analysis = """
                {"variables": {"analysisDecision": {"value": "DISCLOSE"},
                  "approvedCategories": {"value": "[\\"IP_ADDRESS\\",\\"PHONE_NUMBER\\"]", "type": "Json"},
                  "legalReasoning": {"value": "Valid court order, suspect named, offence violates the ToS."}}}
                """;
        String approval = "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}";
        Step[] steps = {new Step("analyst", "Task_LegalAnalysis", analysis), new Step("approver", "Task_Approval", approval)};
        for (Step step : steps) {
            futures.add(pool.submit(() -> {
                java.util.Set<String> shown = new java.util.HashSet<>();
                while (disclosed.get() < orders) {
                    checkDeadline(deadline, openOrders);
                    List<String> mine = List.copyOf(openOrders);
                    boolean news = false;
                    if (!mine.isEmpty()) {
                        HttpResponse<String> tasks = send(get(taskList(base, step.taskKey(), mine), step.user()));
                        requests.incrementAndGet();
                        expect(tasks, 200);
                        for (JsonNode task : json.readTree(tasks.body())) {
                            if (shown.add(task.get("id").asText())) {
                                step.queue().add(task.get("id").asText());
                                news = true;
                            }
                        }
                        if (!news) {
                            taskPolls.incrementAndGet();
                        }
                    }
                    if (!news) {
                        Thread.sleep(POLL_MS);
                    }
                }
                return null;
            }));
            for (int member = 0; member < 2; member++) {
                futures.add(pool.submit(() -> {
                    while (disclosed.get() < orders) {
                        checkDeadline(deadline, openOrders);
                        String id = step.queue().poll(POLL_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
                        if (id != null) {
                            expect(send(post(base + "/engine-rest/task/" + id + "/claim", step.user(),
                                    "{\"userId\":\"" + step.user() + "\"}")), 204);
                            expect(send(post(base + "/engine-rest/task/" + id + "/complete", step.user(), step.variables())),
                                    204);
                            requests.addAndGet(2);
                        }
                    }
                    return null;
                }));
            }
        }
        futures.add(pool.submit(() -> {
            long after = feedHead;
            while (disclosed.get() < orders) {
                checkDeadline(deadline, openOrders);
                JsonNode messages = json.readTree(send(get(base + "/api/messages?limit=500&after=" + after, "police-de"))
                        .body());
                requests.incrementAndGet();
                boolean news = false;
                for (JsonNode message : messages) {
                    after = Math.max(after, message.get("id").asLong());
                    if ("DISCLOSED".equals(message.path("kind").asText())
                            && openOrders.remove(message.path("trackingNumber").asText())) {
                        disclosed.incrementAndGet();
                        open.release();
                        news = true;
                    }
                }
                if (!news) {
                    feedPolls.incrementAndGet();
                }
                if (messages.size() < 500) {
                    Thread.sleep(POLL_MS);
                }
            }
            return null;
        }));
        try {
            // the first failure of any client ends the phase at once (not when the others give up)
            while (!futures.stream().allMatch(Future::isDone)) {
                for (Future<?> f : futures) {
                    if (f.isDone()) {
                        f.get();
                    }
                }
                Thread.sleep(100);
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        drainJobs(base);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMs = app.cpuMs() - cpuBefore;
        double machineMs = machineBusyMs() - machineBefore;
        String last = null;
        for (String trackingNumber : submitted) {
            awaitStatus(base, trackingNumber, "DISCLOSED", true);
            last = trackingNumber;
        }
        Lifecycle lifecycle = new Lifecycle(orders, seconds, orders / seconds, cpuMs / orders,
                requests.get() / (double) orders, taskPolls.get() / (double) orders, feedPolls.get() / (double) orders,
                Double.NaN, machineMs / orders);
        double taskPoll = pollCpuMs(get(taskList(base, "Task_LegalAnalysis", List.of(last)), "analyst"));
        double feedPoll = pollCpuMs(get(base + "/api/messages?limit=500&after=" + Long.MAX_VALUE / 2, "police-de"));
        return lifecycle.withPollShare((lifecycle.taskPollsPerOrder() * taskPoll + lifecycle.feedPollsPerOrder() * feedPoll)
                / lifecycle.cpuMsPerOrder());
    }

    /** A step of staff: who works it, its task, what they complete it with, and the tasks its list has shown. */
    private record Step(String user, String taskKey, String variables,
                        java.util.concurrent.BlockingQueue<String> queue) {
        Step(String user, String taskKey, String variables) {
            this(user, taskKey, variables, new java.util.concurrent.LinkedBlockingQueue<>());
        }
    }

    private static void checkDeadline(long deadline, java.util.Set<String> openOrders) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("the orders were not disclosed in time; open: " + openOrders);
        }
    }

    /** The id of the newest message in police-de's feed (the lifecycle phase follows the feed from there). */
    private long feedHead(String base) throws Exception {
        long after = 0;
        while (true) {
            JsonNode messages = json.readTree(send(get(base + "/api/messages?limit=500&after=" + after, "police-de")).body());
            if (messages.isEmpty()) {
                return after;
            }
            after = messages.get(messages.size() - 1).get("id").asLong();
        }
    }

    /** The task list of one step as a member of staff sees it: of the given orders, the oldest first, 20 at a time. */
    private static String taskList(String base, String taskKey, java.util.Collection<String> orders) {
        return base + "/engine-rest/task?processDefinitionKey=legal-order&taskDefinitionKey=" + taskKey
                + "&processInstanceBusinessKeyIn=" + String.join(",", orders)
                + "&sortBy=created&sortOrder=asc&maxResults=20";
    }

    /**
     * The application's CPU time of one poll like {@code request} (ms): {@value #POLL_SAMPLES} of them back to back
     * from one client, on the quiet application after the phase (an estimate: under load a poll costs about as much).
     */
    private double pollCpuMs(HttpRequest request) throws Exception {
        long before = app.cpuMs();
        for (int i = 0; i < POLL_SAMPLES; i++) {
            expect(send(request), 200);
        }
        return (app.cpuMs() - before) / (double) POLL_SAMPLES;
    }

    static final int POLL_SAMPLES = 400;

    /** Polls wait this long before the next (an empty task list, an order not closed yet). */
    static final int POLL_MS = 200;

    /** Orders open at once in the lifecycle phase: enough to keep every step busy, few enough to stay a flow. */
    int inFlight() {
        return 4 * clients;
    }

    private void awaitStatus(String base, String trackingNumber, String status, boolean closed) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode order = json.readTree(send(get(base + "/api/orders/" + trackingNumber, "police-de")).body());
            if (status.equals(order.path("status").asText())
                    && (!closed || order.get("timeline").findValuesAsText("step").contains("CLOSED"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(trackingNumber + " did not reach " + status);
    }

    /** Waits until the job executor has no job due and none locked (the asynchronous backlog of a phase is done). */
    private double drainJobs(String base) throws Exception {
        if (!jobExecutorOn) {
            return Double.NaN;
        }
        long started = System.nanoTime();
        while (true) {
            JsonNode details = json.readTree(send(get(base + "/actuator/health/jobExecutor", "monitor")).body()).path("details");
            if (details.path("jobsDue").asLong(-1) == 0 && details.path("jobsLocked").asLong(-1) == 0) {
                break;
            }
            Thread.sleep(250);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "  (job backlog done after %.1f s)%n", seconds);
        return seconds;
    }

    private void deployTrivial(String base) throws Exception {
        String boundary = "bench" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nbench-trivial\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deploy-changed-only\"\r\n\r\ntrue\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"bench-trivial.bpmn\"; filename=\"bench-trivial.bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + TRIVIAL_BPMN + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/engine-rest/deployment/create"))
                .header("Authorization", basic("admin"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        expect(send(request), 200);
    }

    /**
     * Rows written per table and transactions of the database (PostgreSQL's own counters, {@code pg_stat_user_tables}
     * and {@code pg_stat_database}): a snapshot, taken after the server has published what its sessions counted (a
     * session publishes at most once a second, an idle one within {@value #STATS_DELAY_S} s). Null on other databases
     * (the rows are the same: the application writes the same statements on both).
     */
    record TableStats(Map<String, long[]> tables, long commits, long rollbacks) {
        static final int STATS_DELAY_S = 11;

        static TableStats of(Db db) throws Exception {
            if (!db.url().startsWith("jdbc:postgresql:")) {
                return null;
            }
            Thread.sleep(STATS_DELAY_S * 1000L);
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
                 java.sql.Statement s = c.createStatement()) {
                Map<String, long[]> tables = new java.util.TreeMap<>();
                try (java.sql.ResultSet r = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del "
                        + "from pg_stat_user_tables")) {
                    while (r.next()) {
                        tables.put(r.getString(1).toLowerCase(Locale.ROOT), new long[] {r.getLong(2), r.getLong(3), r.getLong(4)});
                    }
                }
                try (java.sql.ResultSet r = s.executeQuery("select xact_commit, xact_rollback from pg_stat_database "
                        + "where datname = current_database()")) {
                    r.next();
                    return new TableStats(tables, r.getLong(1), r.getLong(2));
                }
            }
        }

        /** Per order since {@code before}: a Markdown table of the tables written, most rows first, and the totals. */
        String since(TableStats before, int orders) {
            StringBuilder s = new StringBuilder("| table | inserted | updated | deleted |\n|---|---:|---:|---:|\n");
            double[] total = new double[3];
            tables.entrySet().stream()
                    .map(e -> {
                        long[] b = before.tables().getOrDefault(e.getKey(), new long[3]);
                        long[] a = e.getValue();
                        return Map.entry(e.getKey(), new double[] {(a[0] - b[0]) / (double) orders,
                                (a[1] - b[1]) / (double) orders, (a[2] - b[2]) / (double) orders});
                    })
                    .filter(e -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] > 0)
                    .sorted((x, y) -> Double.compare(y.getValue()[0] + y.getValue()[1] + y.getValue()[2],
                            x.getValue()[0] + x.getValue()[1] + x.getValue()[2]))
                    .forEach(e -> {
                        double[] v = e.getValue();
                        for (int i = 0; i < 3; i++) {
                            total[i] += v[i];
                        }
                        s.append(String.format(Locale.ROOT, "| `%s` | %.1f | %.1f | %.1f |%n", e.getKey(), v[0], v[1], v[2]));
                    });
            s.append(String.format(Locale.ROOT, "| **all tables** | **%.1f** | **%.1f** | **%.1f** |%n", total[0], total[1],
                    total[2]));
            s.append(String.format(Locale.ROOT, "%nPer order, the lifecycle phase and its jobs (PostgreSQL's counters): %.1f "
                            + "rows written, %.1f transactions committed (reads included), %.1f rolled back, %.1f jobs.%n",
                    total[0] + total[1] + total[2], (commits - before.commits()) / (double) orders,
                    (rollbacks - before.rollbacks()) / (double) orders,
                    (tables.getOrDefault("act_ru_job", new long[3])[0] - before.tables().getOrDefault("act_ru_job",
                            new long[3])[0]) / (double) orders));
            return s.toString();
        }
    }

    // --- HTTP ------------------------------------------------------------------------------------------------------

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest post(String url, String user, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user)).header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", basic(user)).header("Accept", "application/json").GET().build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + ": " + response.statusCode() + " " + response.body());
        }
    }

    // --- the application under test ----------------------------------------------------------------------------------

    static final class App {
        private final Process process;
        private final int port;
        private final long startedAt;
        private final HttpClient client = HttpClient.newHttpClient();

        private App(Process process, int port, long startedAt) {
            this.process = process;
            this.port = port;
            this.startedAt = startedAt;
        }

        static App start(Path jar, List<String> jvmOptions, List<String> appArgs, Db db, int port, Path log)
                throws IOException {
            return start(jar, jvmOptions, appArgs, db, port, log, null);
        }

        static App start(Path jar, List<String> jvmOptions, List<String> appArgs, Db db, int port, Path log, Path workDir)
                throws IOException {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            String name = log.getFileName().toString().replace(".log", "");
            jvmOptions.forEach(option -> command.add(option.replace("{name}", name)));
            command.add("-jar");
            command.add(jar.toString());
            command.add("--server.port=" + port);
            command.addAll(appArgs);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            if (workDir != null) {
                builder.directory(workDir.toFile());
            }
            if (db.url().startsWith("jdbc:postgresql:")) {
                // the demo setup on PostgreSQL (docs/postgresql.md)
                builder.environment().put("SPRING_PROFILES_ACTIVE", "demo,postgres");
                builder.environment().put("DISCLOSURE_DESK_DB_URL", db.url());
                builder.environment().put("DISCLOSURE_DESK_DB_USER", db.user());
                builder.environment().put("DISCLOSURE_DESK_DB_PASSWORD", db.password());
            } else {
                builder.environment().put("SPRING_PROFILES_ACTIVE", "demo");
                builder.environment().put("SPRING_DATASOURCE_URL", db.url());
                builder.environment().put("SPRING_DATASOURCE_USERNAME", db.user());
                builder.environment().put("SPRING_DATASOURCE_PASSWORD", db.password());
            }
            long t0 = System.nanoTime();
            return new App(builder.start(), port, t0);
        }

        /** Seconds from the start of the process until the readiness probe answers UP. */
        double awaitReady(Duration timeout) throws Exception {
            long deadline = startedAt + timeout.toNanos();
            HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the application exited with " + process.exitValue());
                }
                try {
                    HttpResponse<String> r = client.send(probe, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                        return (System.nanoTime() - startedAt) / 1e9;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("not ready within " + timeout);
        }

        /** CPU time of the process so far (user + system), from /proc (clock ticks of 10 ms). */
        long cpuMs() throws IOException {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
        }

        /** The JVM's own account of its memory (needs -XX:NativeMemoryTracking=summary), written to {@code file}. */
        void nativeMemory(Path file) throws IOException, InterruptedException {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "VM.native_memory", "summary")
                    .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor();
        }

        long memoryMb(String field) throws IOException {
            Matcher m = Pattern.compile(field + ":\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/" + process.pid()
                    + "/status")));
            return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    // --- report ----------------------------------------------------------------------------------------------------

    static String table(List<Result> results, LoadBenchmark bench) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Run of %s on %d cores (`nproc`), %d concurrent clients, %d s per load phase "
                        + "after %d s of warm-up, %d orders through their lifecycle, application with `%s`%s.%n%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors(), bench.clients, bench.measure.toSeconds(),
                bench.warmup.toSeconds(), bench.lifecycleOrders, String.join(" ", bench.jvmOptions),
                bench.appArgs.isEmpty() ? "" : " and `" + String.join(" ", bench.appArgs) + "`"));
        s.append("| database | bare engine: trivial process starts (`/engine-rest`) | intake: orders (`POST /api/orders`) "
                + "| intake / bare | lifecycle (submission to ledger) | start: fresh / restart / restart with CDS | RSS after load (peak) "
                + "| load average during the phases |\n");
        s.append("|---|---|---|---:|---|---|---|---|\n");
        for (Result r : results) {
            s.append(String.format(Locale.ROOT, "| %s | %.1f/s, p50 %.0f ms, p99 %.0f ms; CPU %.1f ms each "
                            + "| %.1f/s, p50 %.0f ms, p99 %.0f ms; CPU %.1f ms each; %s%s "
                            + "| %.0f%% | %s | %.1f s / %.1f s / %s | %d MB (%d MB) | %s |%n",
                    r.db().name(), r.bare().perSecond(), r.bare().p50(), r.bare().p99(), r.bare().cpuMsPerRequest(),
                    r.intake().perSecond(), r.intake().p50(), r.intake().p99(), r.intake().cpuMsPerRequest(),
                    Double.isNaN(r.intakeBacklog()) ? "job executor off (an intake node): steps left to worker nodes"
                            : String.format(Locale.ROOT, "jobs left %.1f s (with them %.1f/s)", r.intakeBacklog(),
                                    r.intake().requests() / (r.intake().seconds() + r.intakeBacklog())),
                    r.intake().errors() == 0 ? "" : " (" + r.intake().errors() + " errors)",
                    100 * r.intake().perSecond() / r.bare().perSecond(),
                    Double.isNaN(r.lifecycle().perSecond()) ? "– (job executor off)"
                            : String.format(Locale.ROOT, "%.1f orders/s; CPU %.0f ms each (%.1f× bare; polling %.0f%%; "
                                            + "machine %.0f ms)",
                                    r.lifecycle().perSecond(), r.lifecycle().cpuMsPerOrder(),
                                    r.lifecycle().cpuMsPerOrder() / r.bare().cpuMsPerRequest(), 100 * r.lifecycle().pollShare(),
                                    r.lifecycle().machineMsPerOrder()),
                    r.freshStart(), r.restart(),
                    Double.isNaN(r.cdsRestart()) ? "–" : String.format(Locale.ROOT, "%.1f s", r.cdsRestart()),
                    r.rssMb(), r.peakRssMb(), r.load()));
        }
        s.append("\nCPU: the application process's CPU time (user + system, all threads, the job executor's included) "
                + "per request or order, during the phase; on PostgreSQL the database's own CPU is not in it. Jobs left: how "
                + "long the job executor still worked on the intake's asynchronous steps (validity check, task) after the "
                + "phase; with them: the orders of the phase over the phase and that time, i.e. orders per second taken in "
                + "and brought to their legal analysis task. Lifecycle: authority clients submit (at most "
                + bench.inFlight() + " orders open), two analysts and two approvers claim and complete what their task "
                + "list shows, the authority follows its message feed; task lists and feed are read every " + POLL_MS
                + " ms while they bring nothing new; the phase ends when every order is disclosed and no job is left (each "
                + "order is then read once, outside the phase: disclosed and closed in the ledger); × bare: the CPU per "
                + "order in bare engine starts; polling: the share of the CPU that went to task lists and feed reads that "
                + "brought nothing new; machine: the CPU time of all the machine's cores per order during the phase (the "
                + "application, the database's processes, the benchmark's clients).\n");
        s.append("\nTargets: intake at 75% of the bare engine's rate or better, intake p99 under 200 ms, start under 15 s, "
                + "RSS under 700 MB; lifecycle CPU at most 8 bare starts per order, and 20 orders/s or more on PostgreSQL.\n");
        for (Result r : results) {
            boolean ratio = r.intake().perSecond() >= 0.75 * r.bare().perSecond();
            boolean p99 = r.intake().p99() < 200;
            boolean start = r.restart() < 15 || r.cdsRestart() < 15;
            boolean rss = r.peakRssMb() < 700;
            boolean lifecycleCpu = r.lifecycle().cpuMsPerOrder() <= 8 * r.bare().cpuMsPerRequest();
            boolean lifecycleRate = !r.db().name().startsWith("postgres") || r.lifecycle().perSecond() >= 20;
            s.append(String.format(Locale.ROOT, "- %s: intake/bare %s, p99 %s, start %s (a restart, plain or with CDS; the "
                            + "first start also creates the schema and the demo data), RSS %s, lifecycle CPU %s%s.%n",
                    r.db().name(), pass(ratio), pass(p99), pass(start), pass(rss), pass(lifecycleCpu),
                    r.db().name().startsWith("postgres") ? ", lifecycle rate " + pass(lifecycleRate) : ""));
        }
        return s.toString();
    }

    private static String pass(boolean ok) {
        return ok ? "PASS" : "FAIL";
    }

    /** CPU time all cores of the machine spent busy so far (user, nice, system, irq, softirq, steal; /proc/stat). */
    static long machineBusyMs() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long ticks = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            return ticks * 10;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeDocs(Path docs, String table) throws IOException {
        String text = Files.readString(docs);
        String section = BEGIN + "\n" + table + END;
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        if (b >= 0 && e > b) {
            text = text.substring(0, b) + section + text.substring(e + END.length());
        } else {
            text = text + "\n## Load and speed (`bench/load.sh`)\n\n" + section + "\n";
        }
        Files.writeString(docs, text);
    }

    private static int freePort(int from) {
        for (int port = from; port < from + 200; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                return port;
            } catch (IOException busy) {
                // next
            }
        }
        throw new IllegalStateException("no free port from " + from);
    }
}
