package com.disclosuredesk.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.AppProcess;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged application on the embedded default (demo profile, H2 file database in its working directory, no
 * setting changed), started, driven over HTTP, killed with {@code kill -9} and started again on the same directory:
 * <ol>
 * <li>while it starts, {@code /api} answers {@code 503} with {@code Retry-After} or does the work, never {@code 401},
 * {@code 403} or {@code 500} for valid credentials, and the readiness probe is UP only when a submission succeeds;</li>
 * <li>orders answered {@code 201} by six clients submitting at once are all in the database after a kill -9;</li>
 * <li>approvals answered {@code 204} by eight approvers at once are all in the database after a kill -9, and the
 * disclosure jobs that the killed process had locked are done within seconds of the restart, not after the job lock
 * time (5 minutes, the engine's default, unchanged here).</li>
 * </ol>
 * What survived is read from the database file itself, opened by this test after the kill and before the restart.
 * Run by {@code mvn verify} (integration-test phase, after the jar is packaged).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryIT {

    private static final String LOG = "[crash-it] ";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final AtomicLong REFERENCE = new AtomicLong();

    private static Path dir;
    private static AppProcess app;
    /** Every order answered 201, across the tests. */
    private static final Set<String> ACKNOWLEDGED = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void prepare() throws IOException {
        Path jar = Path.of(System.getProperty("it.app.jar", "target/disclosure-desk-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertThat(jar).as("the packaged application (mvn package)").isRegularFile();
        dir = Path.of(System.getProperty("it.crash.dir", "target/crash-it")).toAbsolutePath();
        FileSystemUtils.deleteRecursively(dir);
        app = new AppProcess(jar, dir, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
                // fewer demo accounts than the default 5,000: a shorter first start, still long enough to be seen
                List.of("--disclosure-desk.demo.subscribers.accounts=2000"),
                Map.of("SPRING_PROFILES_ACTIVE", "demo"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void whileStartingTheApiAnswers503WithRetryAfterNeverARefusal() throws Exception {
        Map<String, Integer> answers = new TreeMap<>();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        app.start();
        boolean readySeen = false;
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            boolean readyBefore = app.isReady();
            HttpResponse<String> r = submitOnce("police-de", order("START"));
            if (r == null) {
                answers.merge("no connection yet", 1, Integer::sum);
                Thread.sleep(20);
                continue;
            }
            answers.merge(String.valueOf(r.statusCode()), 1, Integer::sum);
            if (r.statusCode() == 201) {
                ACKNOWLEDGED.add(JSON.readTree(r.body()).get("trackingNumber").asText());
            } else if (r.statusCode() == 503) {
                if (r.headers().firstValue("Retry-After").isEmpty()
                        || !r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                    wrong.add("503 without Retry-After or problem+json: " + r.headers().map());
                }
                if (readyBefore) {
                    wrong.add("503 although the readiness probe had said UP");
                }
            } else {
                wrong.add(r.statusCode() + " " + r.body());
            }
            if (readyBefore && r.statusCode() == 201) {
                readySeen = true;
                break;
            }
            Thread.sleep(20);
        }
        report("first start: answers to submissions while starting %s", answers);
        assertThat(wrong).as("answers other than 503 (starting) or 201 for a valid submission").isEmpty();
        assertThat(readySeen).as("ready, and a submission then taken").isTrue();
        assertThat(answers).as("submissions answered while the application was not ready (else nothing was tested)")
                .containsKey("503");
    }

    @Test
    @Order(2)
    void ordersAnswered201SurviveAKill() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Set<String> created = ConcurrentHashMap.newKeySet();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            running.add(clients.submit(() -> {
                while (!stop.get()) {
                    HttpResponse<String> r = submitOnce("police-de", order("KILL-SUBMIT"));
                    if (r != null && r.statusCode() == 201) {
                        created.add(JSON.readTree(r.body()).get("trackingNumber").asText());
                    }
                }
                return null;
            }));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> created.size() >= 60);
        app.kill();
        stop.set(true);
        for (Future<?> f : running) {
            f.get(1, TimeUnit.MINUTES);
        }
        clients.shutdown();
        ACKNOWLEDGED.addAll(created);

        Set<String> stored = inDatabase(db -> trackingNumbers(db));
        Set<String> lost = new java.util.TreeSet<>(ACKNOWLEDGED);
        lost.removeAll(stored);
        report("submissions: %d answered 201 by 6 clients before kill -9; %d of them not in the database", created.size(),
                lost.size());
        ACKNOWLEDGED.removeAll(lost);

        app.start();
        report("restart after the kill: ready in %.1f s", app.awaitReady(Duration.ofMinutes(3)));
        assertThat(lost).as("orders answered 201 and lost by kill -9").isEmpty();
        for (String trackingNumber : List.copyOf(created).subList(0, 10)) {
            assertThat(send("GET", "/api/orders/" + trackingNumber, "police-de", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    @Order(4)
    void noticesAnswered201SurviveAKillAndTheirReceiptsWithThem() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        Set<Long> created = ConcurrentHashMap.newKeySet();
        AtomicLong external = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            running.add(clients.submit(() -> {
                while (!stop.get()) {
                    long n = external.incrementAndGet();
                    // 20 subjects: most notices join an open case, some start one
                    HttpResponse<String> r = submitNotice("kill-" + n, "https://t.me/kill_channel_" + (n % 20) + "/1");
                    if (r != null && r.statusCode() == 201) {
                        created.add(JSON.readTree(r.body()).get("noticeId").asLong());
                    }
                }
                return null;
            }));
        }
        await().atMost(Duration.ofMinutes(1)).until(() -> created.size() >= 100);
        app.kill();
        stop.set(true);
        for (Future<?> f : running) {
            f.get(1, TimeUnit.MINUTES);
        }
        clients.shutdown();

        Set<Long> stored = inDatabase(db -> ids(db, "SELECT id FROM cr_notice"));
        Set<Long> receipted = inDatabase(db -> ids(db, "SELECT notice_id FROM cr_message WHERE kind = 'RECEIPT'"));
        Set<Long> lost = new java.util.TreeSet<>(created);
        lost.removeAll(stored);
        Set<Long> withoutReceipt = new java.util.TreeSet<>(created);
        withoutReceipt.removeAll(receipted);
        report("notices: %d answered 201 by 6 clients before kill -9; %d of them not in the database, %d without a receipt",
                created.size(), lost.size(), withoutReceipt.size());

        app.start();
        report("restart after the kill: ready in %.1f s", app.awaitReady(Duration.ofMinutes(3)));
        assertThat(lost).as("notices answered 201 and lost by kill -9").isEmpty();
        assertThat(withoutReceipt).as("notices answered 201 whose receipt was lost by kill -9").isEmpty();
    }

    private static HttpResponse<String> submitNotice(String externalId, String reference) {
        String body = """
                {"externalId": "%s", "subject": {"type": "MESSAGE", "reference": "%s"},
                 "category": "SCAMS_AND_FRAUD", "explanation": "An advance-fee scam asking for a transfer.",
                 "notifier": {"id": "u-%s", "name": "A. Reporter", "email": "reporter@mail.example"}, "goodFaith": true}
                """.formatted(externalId, reference, externalId);
        try {
            return send("POST", "/api/content-reports", "report-bot", body);
        } catch (IOException e) {
            return null; // the application was killed while answering: not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Set<Long> ids(Connection db, String sql) throws SQLException {
        Set<Long> found = new java.util.HashSet<>();
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getLong(1));
            }
        }
        return found;
    }

    @Test
    @Order(3)
    void approvalsAnswered204SurviveAKillAndTheRestartedNodeTakesItsLockedJobsAtOnce() throws Exception {
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            HttpResponse<String> r = submitOnce("police-de", order("KILL-APPROVE"));
            assertThat(r).isNotNull();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            orders.add(JSON.readTree(r.body()).get("trackingNumber").asText());
        }
        ACKNOWLEDGED.addAll(orders);
        for (String order : orders) {
            awaitStatus(order, "IN_LEGAL_ANALYSIS");
            completeTask(order, "Task_LegalAnalysis", "analyst", """
                    {"variables": {"analysisDecision": {"value": "DISCLOSE"},
                      "approvedCategories": {"value": "[\\"IP_ADDRESS\\"]", "type": "Json"},
                      "legalReasoning": {"value": "Valid court order naming a suspect."}}}
                    """);
        }
        for (String order : orders) {
            awaitStatus(order, "AWAITING_APPROVAL");
        }

        // eight approvers at once; right after the last 204, kill -9
        Set<String> approved = ConcurrentHashMap.newKeySet();
        ExecutorService approvers = Executors.newFixedThreadPool(8);
        List<Future<?>> approvals = new ArrayList<>();
        for (String order : orders) {
            approvals.add(approvers.submit(() -> {
                completeTask(order, "Task_Approval", "approver",
                        "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}");
                approved.add(order);
                return null;
            }));
        }
        for (Future<?> approval : approvals) {
            approval.get(2, TimeUnit.MINUTES);
        }
        approvers.shutdown();
        app.kill();

        Map<String, Integer> afterKill = inDatabase(db -> {
            Map<String, Integer> counts = new TreeMap<>();
            counts.put("approvals recorded", count(db, "SELECT COUNT(*) FROM dd_order_event WHERE step = 'APPROVAL_APPROVE' "
                    + "AND tracking_number IN (" + placeholders(orders) + ")", orders));
            counts.put("approval tasks still open", count(db, "SELECT COUNT(*) FROM ACT_RU_TASK t JOIN ACT_RU_EXECUTION e "
                    + "ON e.ID_ = t.PROC_INST_ID_ WHERE t.TASK_DEF_KEY_ = 'Task_Approval' AND e.BUSINESS_KEY_ IN ("
                    + placeholders(orders) + ")", orders));
            counts.put("not yet disclosed", count(db, "SELECT COUNT(*) FROM dd_legal_order WHERE status <> 'DISCLOSED' "
                    + "AND tracking_number IN (" + placeholders(orders) + ")", orders));
            counts.put("jobs locked by the killed process", count(db,
                    "SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL AND LOCK_EXP_TIME_ > CURRENT_TIMESTAMP", List.of()));
            return counts;
        });
        report("approvals: %d answered 204 by 8 approvers, then kill -9; in the database: %s", approved.size(), afterKill);
        assertThat(approved).hasSize(30);
        assertThat(afterKill.get("approvals recorded")).as("approvals answered 204 and recorded").isEqualTo(30);
        assertThat(afterKill.get("approval tasks still open")).as("approvals undone (their tasks open again)").isZero();
        assertThat(afterKill.get("jobs locked by the killed process"))
                .as("jobs locked when the process died (else the restart tested nothing)").isPositive();

        app.start();
        double ready = app.awaitReady(Duration.ofMinutes(3));
        long t0 = System.nanoTime();
        // the job lock time is the engine's default, 5 minutes: the locked jobs must not wait for it
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> notDisclosed(orders).isEmpty());
        report("restart: ready in %.1f s; all %d orders disclosed %.1f s later (job lock time 5 min)", ready, orders.size(),
                (System.nanoTime() - t0) / 1e9);
        assertThat(Files.readString(app.log())).contains("released");

        // and nothing acknowledged in this whole test is missing
        List<String> missing = new ArrayList<>();
        for (String trackingNumber : ACKNOWLEDGED) {
            if (send("GET", "/api/orders/" + trackingNumber, "police-de", null).statusCode() != 200) {
                missing.add(trackingNumber);
            }
        }
        assertThat(missing).as("acknowledged orders missing after two kills").isEmpty();
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    private static OrderSubmission order(String prefix) {
        long n = REFERENCE.incrementAndGet();
        return Orders.withNonDisclosureUntil(Orders.valid(prefix + "-" + n + "-" + System.nanoTime(), List.of(
                new OrderSubmission.TargetSpec(TargetType.USERNAME, String.format(Locale.ROOT, "@demo%04d", n % 2000 + 1)))),
                null);
    }

    /** One submission; null when the application did not answer (not listening yet, or killed). */
    private static HttpResponse<String> submitOnce(String user, OrderSubmission order) {
        try {
            return send("POST", "/api/orders", user, JSON.writeValueAsString(order));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void completeTask(String trackingNumber, String taskKey, String user, String variables) throws Exception {
        JsonNode tasks = JSON.readTree(send("GET", "/engine-rest/task?processInstanceBusinessKey=" + trackingNumber
                + "&taskDefinitionKey=" + taskKey, user, null).body());
        assertThat(tasks).as(taskKey + " of " + trackingNumber).hasSize(1);
        String id = tasks.get(0).get("id").asText();
        assertThat(send("POST", "/engine-rest/task/" + id + "/claim", user, "{\"userId\":\"" + user + "\"}").statusCode())
                .isEqualTo(204);
        HttpResponse<String> completed = send("POST", "/engine-rest/task/" + id + "/complete", user, variables);
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    }

    private static void awaitStatus(String trackingNumber, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(status(trackingNumber)));
    }

    private static List<String> notDisclosed(List<String> orders) throws Exception {
        List<String> open = new ArrayList<>();
        for (String order : orders) {
            if (!"DISCLOSED".equals(status(order))) {
                open.add(order);
            }
        }
        return open;
    }

    private static String status(String trackingNumber) throws Exception {
        HttpResponse<String> r = send("GET", "/api/orders/" + trackingNumber, "police-de", null);
        return r.statusCode() == 200 ? JSON.readTree(r.body()).get("status").asText() : "HTTP " + r.statusCode();
    }

    private static HttpResponse<String> send(String method, String path, String user, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(app.url(path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- the database file, read while the application is down ----------------------------------------------------

    interface Query<T> {
        T run(Connection db) throws SQLException;
    }

    private static <T> T inDatabase(Query<T> query) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("data/disclosure-desk")
                + ";DB_CLOSE_ON_EXIT=FALSE;IFEXISTS=TRUE", "sa", "")) {
            return query.run(db);
        }
    }

    private static Set<String> trackingNumbers(Connection db) throws SQLException {
        Set<String> found = new java.util.HashSet<>();
        try (PreparedStatement q = db.prepareStatement("SELECT tracking_number FROM dd_legal_order");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static int count(Connection db, String sql, List<String> params) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                q.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String placeholders(List<String> values) {
        return String.join(",", Collections.nCopies(values.size(), "?"));
    }

    private static void report(String format, Object... args) {
        System.out.println(LOG + String.format(Locale.ROOT, format, args));
    }
}
