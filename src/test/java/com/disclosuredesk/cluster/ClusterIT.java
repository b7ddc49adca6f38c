package com.disclosuredesk.cluster;

import com.disclosuredesk.engine.IdentityBootstrapPlugin;
import com.disclosuredesk.engine.NodeIdentityPlugin;
import com.disclosuredesk.engine.StartupLock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.LocalPostgres;
import com.disclosuredesk.support.Orders;
import com.disclosuredesk.support.Polling;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two application nodes (the packaged jar, started by {@code scripts/cluster.sh}) on one PostgreSQL database, as a
 * platform runs them. Orders are submitted to node A and decided on node B over {@code /engine-rest}; every
 * asynchronous step (registration, disclosure, ledger) must run exactly once, on whichever node, with no ledger fork
 * and no second disclosure. Then node B is killed with {@code kill -9} while it is disclosing, restarted, and every
 * order must still end exactly once.
 *
 * <p>"Exactly once" is read from the database itself: one disclosure record, one ledger entry, one {@code DISCLOSED}
 * and one {@code CLOSED} timeline event and one {@code DISCLOSED} message per order, one successful execution per
 * asynchronous step in the engine's job log (which also names the node that ran it: {@code HOSTNAME_} is the node
 * id), the hash chain intact and gap-free, no incident, no job left.
 *
 * <p>Run by {@code mvn verify} (Maven profile {@code postgres-it}), which packages the jar and starts PostgreSQL
 * first; the test nodes lock jobs for 10 s (instead of 5 min) so that a surviving node takes over the jobs a killed
 * node had locked within seconds. The last test gives node B the engine's default lock time (5 minutes), kills it
 * while it holds jobs locked and restarts it: the restarted node releases the locks of its earlier run at start, and
 * every order ends within seconds, not after the lock time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String DATABASE = "dd_cluster";
    private static final String LOG = "[cluster-it] ";
    private static final List<String> ASYNC_STEPS = List.of("Task_RegisterOrder", "Task_DiscloseData",
            "Task_LogTransparency");

    /** The nodes' arguments with the engine's default job lock time (5 minutes). */
    private static final String DEFAULT_LOCK_TIME_ARGS = String.join(" ",
            "--disclosure-desk.demo.subscribers.accounts=300",
            // an idle node looks for jobs at least every second
            "--camunda.bpm.job-execution.max-wait=1000",
            "--camunda.bpm.job-execution.wait-time-in-millis=500");

    private static LocalPostgres postgres;
    private static ClusterNodes nodes;
    private static Connection db;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final List<String> REPORT = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() throws Exception {
        postgres = LocalPostgres.fromSystemProperties().orElse(null);
        assumeTrue(postgres != null, "needs the PostgreSQL cluster of the build (mvn verify, Maven profile postgres-it)");
        Path project = Path.of(System.getProperty("it.project.dir", ".")).toAbsolutePath();
        assumeTrue(System.getProperty("it.cluster.jar") != null, "needs the packaged jar (it.cluster.jar)");
        Path jar = Path.of(System.getProperty("it.cluster.jar"));
        assertThat(jar).as("the packaged application").isRegularFile();
        nodes = new ClusterNodes(project, Path.of(System.getProperty("it.cluster.dir", "target/cluster-it")), jar,
                postgres, DATABASE, List.of("a", "b"), String.join(" ", DEFAULT_LOCK_TIME_ARGS,
                        // a killed node's locks expire after 10 s
                        "--camunda.bpm.job-execution.lock-time-in-millis=10000"));
        // both at once on the empty database: they take turns through their start (StartupLock)
        report("nodes a and b started together on an empty database in %d s", nodes.startAll().toSeconds());
        db = postgres.connect(DATABASE);
    }

    @AfterAll
    static void stopNodes() throws Exception {
        try {
            if (db != null) {
                db.close();
            }
        } finally {
            if (nodes != null) {
                nodes.close();
            }
            if (nodes != null) {
                Path dir = Path.of(System.getProperty("it.cluster.dir", "target/cluster-it"));
                Files.write(dir.resolve("report.txt"), REPORT);
            }
        }
    }

    @Test
    @Order(0)
    void nodesStartedTogetherOnAnEmptyDatabaseSetItUpOnce() throws Exception {
        // one node created the schema, deployed the models and forms, made groups, filters and demo data; the other
        // found them: nothing twice
        assertThat(count("SELECT COUNT(*) FROM act_re_deployment")).as("deployments").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM act_re_procdef WHERE key_ = 'legal-order'")).as("versions of legal-order").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM act_ru_filter")).as("Tasklist filters")
                .isEqualTo(IdentityBootstrapPlugin.FILTERS.size());
        assertThat(count("SELECT COUNT(DISTINCT name_) FROM act_ru_filter")).as("distinct Tasklist filters")
                .isEqualTo(IdentityBootstrapPlugin.FILTERS.size());
        assertThat(count("SELECT COUNT(*) FROM act_id_user WHERE id_ IN ('admin', 'analyst', 'approver', 'police-de')")).isEqualTo(4);
        assertThat(count("SELECT COUNT(*) FROM sub_account")).as("demo accounts").isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM dd_schema_history WHERE success AND version IS NOT NULL"))
                .as("Flyway migrations applied once").isEqualTo(count("SELECT COUNT(DISTINCT version) FROM dd_schema_history WHERE version IS NOT NULL"));
        long waited = 0;
        for (String node : List.of("a", "b")) {
            if (Files.readString(nodes.log(node)).contains("Another node is starting on this database")) {
                waited++;
            }
        }
        report("start: %d of 2 nodes waited for the other's start (startup lock)", waited);
    }

    @Test
    @Order(1)
    void ordersSubmittedOnNodeAAndDecidedOnNodeBRunEveryAsyncStepExactlyOnce() throws Exception {
        long t0 = System.nanoTime();
        URI a = nodes.url("a");
        URI b = nodes.url("b");
        List<String> orders = submit(a, "TWO-NODES", 16);
        analyseAll(b, orders, "[\"IP_ADDRESS\",\"PHONE_NUMBER\"]",
                "Valid court order naming a suspect; drug trafficking violates the ToS.");
        for (String order : orders) {
            completeTask(b, order, "Task_Approval", "approver", """
                    {"variables": {"approvalDecision": {"value": "APPROVE"}, "approvalComment": {"value": "Approved."}}}
                    """);
        }
        awaitEnded(orders, Duration.ofSeconds(120));

        Map<String, Map<String, Integer>> nodesPerStep = assertEachOrderEndedExactlyOnce(orders);
        report("two nodes: %d orders submitted on A, decided on B, each async step once; successful jobs per node: %s",
                orders.size(), nodesPerStep);
        Set<String> nodesThatRanJobs = new TreeSet<>();
        nodesPerStep.values().forEach(perNode -> nodesThatRanJobs.addAll(perNode.keySet()));
        assertThat(nodesThatRanJobs).as("jobs executed on both nodes").containsExactlyInAnyOrder("node-a", "node-b");
        // the status an authority reads is the same on both nodes
        for (URI node : List.of(a, b)) {
            assertThat(get(node, "/api/orders/" + orders.get(0), "police-de").get("status").asText()).isEqualTo("DISCLOSED");
        }
        report("two-node test: %d s", Duration.ofNanos(System.nanoTime() - t0).toSeconds());
    }

    @Test
    @Order(2)
    void nodeKilledWhileDisclosingLosesNothingAndDoublesNothing() throws Exception {
        long t0 = System.nanoTime();
        URI a = nodes.url("a");
        URI b = nodes.url("b");
        List<String> orders = submit(a, "CRASH", 40);
        analyseAll(a, orders, "[\"IP_ADDRESS\"]", "Valid court order naming a suspect.");

        // node B approves 30 orders at once (8 approvers in parallel); each approval queues a disclosure job that
        // B's job executor starts at once, faster than it can finish them. Right after the last answer, B is
        // killed: disclosures (and the ledger steps after them) are in flight, some locked by B.
        String approve = """
                {"variables": {"approvalDecision": {"value": "APPROVE"}, "approvalComment": {"value": "Approved."}}}
                """;
        List<String> approvedOnB = orders.subList(0, 30);
        ExecutorService approvers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> approvals = new ArrayList<>();
            for (String order : approvedOnB) {
                approvals.add(approvers.submit(() -> {
                    completeTask(b, order, "Task_Approval", "approver", approve);
                    return null;
                }));
            }
            for (Future<?> approval : approvals) {
                approval.get(2, TimeUnit.MINUTES);
            }
        } finally {
            approvers.shutdownNow();
        }
        nodes.kill("b");
        Instant killedAt = Instant.now();
        List<String> unfinished = notEnded(approvedOnB);
        int lockedByB = count("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_hi_procinst p ON p.id_ = j.process_instance_id_
                WHERE p.business_key_ = ANY(?) AND j.lock_owner_ LIKE 'node-b:%'
                """, approvedOnB);
        int queued = count("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_hi_procinst p ON p.id_ = j.process_instance_id_
                WHERE p.business_key_ = ANY(?) AND j.type_ = 'message'
                """, approvedOnB);
        report("crash: kill -9 node b after 30 approvals: %d of them not ended, %d async jobs waiting, %d of them "
                + "locked by node b", unfinished.size(), queued, lockedByB);
        assertThat(unfinished).as("orders in flight when node b died (else the crash tested nothing)").isNotEmpty();

        // node A goes on: it approves the other 10, and takes over B's jobs (unlocked at once, locked after 10 s)
        for (String order : orders.subList(30, orders.size())) {
            completeTask(a, order, "Task_Approval", "approver", approve);
        }
        // node B restarts meanwhile (and joins in when it is up)
        CompletableFuture<Duration> restart = CompletableFuture.supplyAsync(() -> nodes.start("b"));
        awaitEnded(orders, Duration.ofSeconds(180));
        report("crash: all %d orders ended %d s after the kill", orders.size(),
                Duration.between(killedAt, Instant.now()).toSeconds());
        report("crash: node b restarted in %d s", restart.get(5, TimeUnit.MINUTES).toSeconds());

        Map<String, Map<String, Integer>> nodesPerStep = assertEachOrderEndedExactlyOnce(orders);
        report("crash: each async step once; successful jobs per node: %s", nodesPerStep);
        int failed = count("""
                SELECT COUNT(*) FROM act_hi_job_log j JOIN act_hi_procinst p ON p.id_ = j.process_instance_id_
                WHERE p.business_key_ = ANY(?) AND j.job_state_ = 1
                """, orders);
        report("crash: %d failed job executions recorded (retried)", failed);
        report("crash-safety test: %d s", Duration.ofNanos(System.nanoTime() - t0).toSeconds());
    }

    @Test
    @Order(3)
    void aRestartedNodeTakesBackTheJobsItsKilledRunHeldLockedWithinSeconds() throws Exception {
        long t0 = System.nanoTime();
        URI a = nodes.url("a");
        URI b = nodes.url("b");
        // node b now locks jobs for the engine's default 5 minutes: nobody may take them before they expire, except
        // node b itself after a restart, which releases the locks of its earlier run at start (NodeIdentityPlugin)
        nodes.kill("b");
        nodes.start("b", DEFAULT_LOCK_TIME_ARGS);
        List<String> orders = submit(a, "RESTART", 24);
        analyseAll(a, orders, "[\"IP_ADDRESS\"]", "Valid court order naming a suspect.");
        String approve = """
                {"variables": {"approvalDecision": {"value": "APPROVE"}, "approvalComment": {"value": "Approved."}}}
                """;
        ExecutorService approvers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> approvals = new ArrayList<>();
            for (String order : orders) {
                approvals.add(approvers.submit(() -> {
                    completeTask(b, order, "Task_Approval", "approver", approve);
                    return null;
                }));
            }
            for (Future<?> approval : approvals) {
                approval.get(2, TimeUnit.MINUTES);
            }
        } finally {
            approvers.shutdownNow();
        }
        nodes.kill("b");
        Instant killedAt = Instant.now();
        int lockedByB = count("""
                SELECT COUNT(*) FROM act_ru_job j JOIN act_hi_procinst p ON p.id_ = j.process_instance_id_
                WHERE p.business_key_ = ANY(?) AND j.lock_owner_ LIKE 'node-b:%'
                  AND j.lock_exp_time_ > now() + interval '2 minutes'
                """, orders);
        report("restart: kill -9 node b after %d approvals: %d jobs locked by it for 5 minutes, %d orders not ended",
                orders.size(), lockedByB, notEnded(orders).size());
        assertThat(lockedByB).as("jobs node b held locked when it died (else the restart tested nothing)").isPositive();

        Duration restart = nodes.start("b", DEFAULT_LOCK_TIME_ARGS);
        awaitEnded(orders, Duration.ofSeconds(90));
        long afterKill = Duration.between(killedAt, Instant.now()).toSeconds();
        report("restart: node b restarted in %d s; all %d orders ended %d s after the kill (lock time 300 s)",
                restart.toSeconds(), orders.size(), afterKill);
        assertThat(Files.readString(nodes.log("b"))).contains("released");
        assertEachOrderEndedExactlyOnce(orders);
        report("restart test: %d s", Duration.ofNanos(System.nanoTime() - t0).toSeconds());
    }

    // --- what "exactly once" means, read from the database ------------------------------------------------------

    /** Asserts every order ended once and returns, per asynchronous step, how many executions each node ran. */
    private static Map<String, Map<String, Integer>> assertEachOrderEndedExactlyOnce(List<String> orders) throws Exception {
        List<String> wrong = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT o.tracking_number, o.status,
                  (SELECT COUNT(*) FROM dd_disclosure d WHERE d.tracking_number = o.tracking_number),
                  (SELECT COUNT(*) FROM dd_ledger_entry l WHERE l.tracking_number = o.tracking_number),
                  (SELECT COUNT(*) FROM dd_order_event e WHERE e.tracking_number = o.tracking_number AND e.step = 'DISCLOSED'),
                  (SELECT COUNT(*) FROM dd_order_event e WHERE e.tracking_number = o.tracking_number AND e.step = 'CLOSED'),
                  (SELECT COUNT(*) FROM dd_outbox m WHERE m.tracking_number = o.tracking_number AND m.kind = 'DISCLOSED'),
                  (SELECT COUNT(*) FROM dd_user_notification n WHERE n.tracking_number = o.tracking_number)
                    - (SELECT COUNT(*) FROM dd_disclosed_account a WHERE a.tracking_number = o.tracking_number)
                FROM dd_legal_order o WHERE o.tracking_number = ANY(?) ORDER BY o.tracking_number
                """)) {
            q.setArray(1, array(orders));
            int rows = 0;
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows++;
                    String line = String.format(Locale.ROOT, "%s %s disclosures=%d ledger=%d DISCLOSED=%d CLOSED=%d messages=%d notifications-accounts=%d",
                            rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8));
                    if (!line.equals(rs.getString(1) + " DISCLOSED disclosures=1 ledger=1 DISCLOSED=1 CLOSED=1 messages=1 notifications-accounts=0")) {
                        wrong.add(line);
                    }
                }
            }
            assertThat(rows).as("orders stored").isEqualTo(orders.size());
        }
        assertThat(wrong).as("orders not ended exactly once").isEmpty();

        // the engine's job log: one successful execution per asynchronous step and order, and on which node
        Map<String, Map<String, Integer>> perStep = new TreeMap<>();
        Map<String, Integer> executions = new TreeMap<>();
        try (PreparedStatement q = db.prepareStatement("""
                SELECT p.business_key_, j.act_id_, j.hostname_ FROM act_hi_job_log j
                JOIN act_hi_procinst p ON p.id_ = j.process_instance_id_
                WHERE p.business_key_ = ANY(?) AND j.job_state_ = 2
                """)) {
            q.setArray(1, array(orders));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    executions.merge(rs.getString(1) + " " + rs.getString(2), 1, Integer::sum);
                    perStep.computeIfAbsent(rs.getString(2), k -> new TreeMap<>()).merge(rs.getString(3), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> expected = new TreeMap<>();
        for (String order : orders) {
            for (String step : ASYNC_STEPS) {
                expected.put(order + " " + step, 1);
            }
        }
        assertThat(executions).as("successful executions per order and asynchronous step").isEqualTo(expected);

        assertThat(count("""
                SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ANY(?) AND state_ = 'COMPLETED'
                """, orders)).as("process instances completed").isEqualTo(orders.size());
        assertThat(count("""
                SELECT COUNT(*) FROM act_hi_incident i JOIN act_hi_procinst p ON p.id_ = i.proc_inst_id_
                WHERE p.business_key_ = ANY(?)
                """, orders)).as("incidents").isZero();
        assertThat(count("SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0")).as("jobs out of retries").isZero();

        // the ledger: one chain without gaps, intact as verified by either node
        int entries = count("SELECT COUNT(*) FROM dd_ledger_entry");
        assertThat(count("SELECT COALESCE(MAX(seq), 0) FROM dd_ledger_entry")).as("ledger sequence without gaps").isEqualTo(entries);
        assertThat(count("SELECT last_seq FROM dd_ledger_head")).as("ledger head").isEqualTo(entries);
        for (String node : List.of("a", "b")) {
            JsonNode verification = get(nodes.url(node), "/api/transparency/ledger/verification", null);
            assertThat(verification.get("intact").asBoolean()).as("ledger intact, verified by node " + node).isTrue();
            assertThat(verification.get("entries").asInt()).isEqualTo(entries);
        }
        return perStep;
    }

    // --- orders over HTTP ---------------------------------------------------------------------------------------

    private static List<String> submit(URI node, String prefix, int count) throws Exception {
        List<String> trackingNumbers = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            // no non-disclosure order: the process goes on to the user notification (one per disclosed account) and ends
            OrderSubmission order = Orders.withNonDisclosureUntil(Orders.valid(prefix + "-" + i + "-" + System.nanoTime(), List.of(
                    new OrderSubmission.TargetSpec(TargetType.USERNAME, String.format(Locale.ROOT, "@demo%04d", i)))), null);
            HttpResponse<String> created = send(node, "POST", "/api/orders", JSON.writeValueAsString(order), "police-de");
            assertThat(created.statusCode()).as("submit " + created.body()).isEqualTo(201);
            trackingNumbers.add(JSON.readTree(created.body()).get("trackingNumber").asText());
        }
        return trackingNumbers;
    }

    /** Every order analysed on {@code node}: DISCLOSE the {@code categories} (a JSON array); then their approvals wait. */
    private static void analyseAll(URI node, List<String> orders, String categories, String reasoning) throws Exception {
        for (String order : orders) {
            completeTask(node, order, "Task_LegalAnalysis", "analyst", """
                    {"variables": {
                      "analysisDecision": {"value": "DISCLOSE"},
                      "approvedCategories": {"value": "%s", "type": "Json"},
                      "legalReasoning": {"value": "%s"}}}
                    """.formatted(categories.replace("\"", "\\\""), reasoning));
        }
        awaitStatus(orders, "AWAITING_APPROVAL");
    }

    /** Claims and completes the order's task on this node over the engine REST API, as Tasklist does. */
    private static void completeTask(URI node, String trackingNumber, String taskKey, String user, String variables)
            throws Exception {
        JsonNode tasks = get(node, "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber
                + "&taskDefinitionKey=" + taskKey, user);
        assertThat(tasks).as(taskKey + " of " + trackingNumber).hasSize(1);
        String id = tasks.get(0).get("id").asText();
        assertThat(send(node, "POST", "/engine-rest/task/" + id + "/claim", "{\"userId\":\"" + user + "\"}", user)
                .statusCode()).isEqualTo(204);
        HttpResponse<String> completed = send(node, "POST", "/engine-rest/task/" + id + "/complete", variables, user);
        assertThat(completed.statusCode()).as("complete " + taskKey + " of " + trackingNumber + ": " + completed.body())
                .isEqualTo(204);
    }

    private static JsonNode get(URI node, String path, String user) throws Exception {
        HttpResponse<String> response = send(node, "GET", path, null, user);
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(URI node, String method, String path, String body, String user)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- waiting on the database --------------------------------------------------------------------------------

    private static void awaitStatus(List<String> orders, String status) throws Exception {
        await(Duration.ofSeconds(120), orders.size() + " orders " + status, () -> count(
                "SELECT COUNT(*) FROM dd_legal_order WHERE tracking_number = ANY(?) AND status = '" + status + "'",
                orders) == orders.size());
    }

    private static void awaitEnded(List<String> orders, Duration timeout) throws Exception {
        await(timeout, orders.size() + " orders ended", () -> notEnded(orders).isEmpty());
    }

    private static List<String> notEnded(List<String> orders) {
        List<String> open = new ArrayList<>(orders);
        try (PreparedStatement q = db.prepareStatement(
                "SELECT business_key_ FROM act_hi_procinst WHERE business_key_ = ANY(?) AND end_time_ IS NOT NULL")) {
            q.setArray(1, array(orders));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    open.remove(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return open;
    }

    private static void await(Duration timeout, String what, BooleanSupplier done) {
        try {
            Polling.await(what, timeout, Duration.ofMillis(200)).until(done::getAsBoolean);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("not reached within " + timeout.toSeconds() + " s: " + what, e);
        }
    }

    private static int count(String sql, List<String> orders) {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setArray(1, array(orders));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(String sql) {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Array array(List<String> values) throws SQLException {
        return db.createArrayOf("varchar", values.toArray());
    }

    private static void report(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        REPORT.add(line);
        System.out.println(LOG + line);
    }
}
