package com.disclosuredesk.dsa;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submits the queue {@code cr_statement} to the DSA Transparency Database (Art. 24(5) DSA; issue 17;
 * docs/transparency.md, "Sending to the DSA Transparency Database"). Exists only when
 * {@code disclosure-desk.dsa.sender.enabled} is true (off by default).
 *
 * <p>Each round takes up to {@code batch-size} (≤ 100) QUEUED statements that are due, oldest first, with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} (H2 2.x and PostgreSQL 15 both have it) in one transaction that spans
 * the HTTP calls: a second node on the same database skips the locked rows, so a statement is in one node's hands
 * at a time; the transaction lasts at most a few request timeouts.
 * <ul>
 *   <li>A statement tried before without a clear answer (attempts &gt; 0) is first looked up with
 *       {@code existing-puid}: found → STORED without resending; absent → sent again; no clear answer → backed off,
 *       and the other lookups of the round are skipped (the Database is not answering).</li>
 *   <li>{@code 201} → every statement of the batch STORED (stored_at).</li>
 *   <li>{@code 422} → the statements the answer names ({@code errors."statement_N".field} as the multiple endpoint
 *       answers, {@code errors."statements.N.field"}, or {@code errors.existing_puids}) become REJECTED with the
 *       reason in last_answer (a puid-only complaint is checked with existing-puid first); the others of the batch
 *       were not stored and are sent in the next round; when the answer names none, the whole batch is REJECTED.
 *       A rejection is an incident: an ERROR log line with the puid only, the counter
 *       {@code disclosure_desk.dsa.statements{outcome=rejected}} and the health detail {@code dsaSender.rejected}.</li>
 *   <li>Anything else (5xx, other statuses, timeout, connection refused) → attempts + 1 and next_attempt_at after an
 *       exponential back-off (first-retry × 2^(attempts−1), capped at max-retry).</li>
 * </ul>
 */
@Component
@ConditionalOnProperty(prefix = "disclosure-desk.dsa.sender", name = "enabled", havingValue = "true")
public class StatementSender {

    private static final Logger log = LoggerFactory.getLogger(StatementSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATEMENT_FIELD = Pattern.compile("^statements\\.(\\d+)\\.(.+)$");
    /**
     * The multiple endpoint's own form (api-documentation.md "Errors when Creating Multiple Statements of Reason";
     * GroupedSubmissionsService::sanitizePayload): {@code "statement_N": {"field": ["reason"]}}.
     */
    private static final Pattern STATEMENT_INDEX = Pattern.compile("^statement_(\\d+)$");

    private final StatementSenderProperties settings;
    private final StatementSenderClient client;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final MeterRegistry meters;

    public StatementSender(StatementSenderProperties settings, JdbcTemplate jdbc, PlatformTransactionManager transactions,
                           Clock clock, MeterRegistry meters) {
        this.settings = settings;
        this.client = new StatementSenderClient(settings);
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.meters = meters;
        log.info("DSA statement sender enabled: {} (batches of {}, timeout {})", settings.baseUrl(),
                settings.batchSize(), settings.timeout());
    }

    /** The scheduled loop: rounds until the due queue is empty or a round does not fill a batch. */
    @Scheduled(fixedDelayString = "${disclosure-desk.dsa.sender.fixed-delay}",
            initialDelayString = "${disclosure-desk.dsa.sender.fixed-delay}")
    public void run() {
        try {
            int taken;
            int rounds = 0;
            do {
                taken = sendOnce();
                rounds++;
            } while (taken == settings.batchSize() && rounds < 1000);
        } catch (RuntimeException e) {
            log.warn("DSA statement sender round failed: {}", e.getClass().getSimpleName());
        }
    }

    /** One round (one batch at most). @return how many statements it took from the queue */
    public int sendOnce() {
        Integer n = tx.execute(status -> round());
        return n == null ? 0 : n;
    }

    private record Row(long id, String puid, String statement, int attempts) {
    }

    private int round() {
        Instant now = clock.instant();
        List<Row> rows = jdbc.query("""
                        SELECT id, puid, statement, attempts FROM cr_statement
                        WHERE state = 'QUEUED' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                        ORDER BY id FETCH FIRST %d ROWS ONLY FOR UPDATE SKIP LOCKED""".formatted(settings.batchSize()),
                (rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4)),
                Timestamp.from(now));
        if (rows.isEmpty()) return 0;

        List<Row> toSend = new ArrayList<>();
        boolean answering = true;
        for (Row row : rows) {
            if (row.attempts() == 0) {
                toSend.add(row);
                continue;
            }
            StatementSenderClient.Existence existence = answering ? client.exists(row.puid())
                    : StatementSenderClient.Existence.UNKNOWN;
            switch (existence) {
                case EXISTS -> stored(row, now, "existing-puid: found");
                case ABSENT -> toSend.add(row);
                case UNKNOWN -> {
                    answering = false;
                    retry(row, now, "existing-puid: no clear answer");
                }
            }
        }
        if (toSend.isEmpty()) return rows.size();

        StatementSenderClient.Answer answer = client.post(toSend.stream().map(Row::statement).toList());
        if (answer.status() == 201) {
            for (Row row : toSend) stored(row, now, "201");
        } else if (answer.status() == 422) {
            rejected(toSend, answer, now);
        } else {
            for (Row row : toSend) retry(row, now, answer.summary());
        }
        return rows.size();
    }

    private void rejected(List<Row> batch, StatementSenderClient.Answer answer, Instant now) {
        Map<Integer, List<String>> reasons = new LinkedHashMap<>();
        Map<Integer, Boolean> puidOnly = new LinkedHashMap<>();
        try {
            JsonNode errors = JSON.readTree(answer.body() == null ? "{}" : answer.body()).path("errors");
            for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Matcher m = STATEMENT_FIELD.matcher(e.getKey());
                Matcher indexed = STATEMENT_INDEX.matcher(e.getKey());
                if (m.matches()) {
                    note(reasons, puidOnly, batch, Integer.parseInt(m.group(1)), m.group(2), e.getValue());
                } else if (indexed.matches() && e.getValue().isObject()) {
                    int index = Integer.parseInt(indexed.group(1));
                    for (Iterator<Map.Entry<String, JsonNode>> f = e.getValue().fields(); f.hasNext(); ) {
                        Map.Entry<String, JsonNode> field = f.next();
                        note(reasons, puidOnly, batch, index, field.getKey(), field.getValue());
                    }
                } else if (e.getKey().equals("existing_puids") && e.getValue().isArray()) {
                    // PuidNotUniqueMultipleException: puids of the batch the Database already has (or twice in it)
                    for (JsonNode puid : e.getValue()) {
                        for (int i = 0; i < batch.size(); i++) {
                            if (batch.get(i).puid().equals(puid.asText())) {
                                note(reasons, puidOnly, batch, i, "puid", puid);
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            // not JSON: the whole batch is rejected with the answer as it came
        }
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.get(i);
            if (reasons.isEmpty()) {
                reject(row, now, answer.summary());
            } else if (!reasons.containsKey(i)) {
                // named by nothing: sent again in the next round, no back-off; attempts + 1 so that existing-puid
                // is asked first, in case the Database stored part of a batch it answered 422 to
                jdbc.update("UPDATE cr_statement SET attempts = ?, last_answer = ?, next_attempt_at = ? WHERE id = ?",
                        row.attempts() + 1, "422 for other statements of its batch: resent after existing-puid",
                        Timestamp.from(now), row.id());
            } else if (puidOnly.get(i) && client.exists(row.puid()) == StatementSenderClient.Existence.EXISTS) {
                stored(row, now, "422 puid; existing-puid: found");
            } else {
                reject(row, now, "422 " + String.join("; ", reasons.get(i)));
            }
        }
    }

    private static void note(Map<Integer, List<String>> reasons, Map<Integer, Boolean> puidOnly, List<Row> batch,
                             int index, String field, JsonNode reason) {
        if (index < 0 || index >= batch.size()) {
            return;
        }
        reasons.computeIfAbsent(index, k -> new ArrayList<>()).add(field + ": " + reason);
        puidOnly.merge(index, field.equals("puid"), Boolean::logicalAnd);
    }

    private void stored(Row row, Instant now, String answer) {
        jdbc.update("UPDATE cr_statement SET state = 'STORED', stored_at = ?, attempts = ?, last_answer = ?, "
                + "next_attempt_at = NULL WHERE id = ?", Timestamp.from(now), row.attempts() + 1, cut(answer), row.id());
        meters.counter("disclosure_desk.dsa.statements", "outcome", "stored").increment();
    }

    private void reject(Row row, Instant now, String reason) {
        jdbc.update("UPDATE cr_statement SET state = 'REJECTED', attempts = ?, last_answer = ?, next_attempt_at = NULL "
                + "WHERE id = ?", row.attempts() + 1, cut(reason), row.id());
        meters.counter("disclosure_desk.dsa.statements", "outcome", "rejected").increment();
        log.error("DSA Transparency Database rejected statement puid={} (incident: REJECTED, reason in "
                + "cr_statement.last_answer)", row.puid());
    }

    private void retry(Row row, Instant now, String reason) {
        int attempts = row.attempts() + 1;
        jdbc.update("UPDATE cr_statement SET attempts = ?, next_attempt_at = ?, last_answer = ? WHERE id = ?",
                attempts, Timestamp.from(now.plus(settings.backoff(attempts))), cut(reason), row.id());
        meters.counter("disclosure_desk.dsa.statements", "outcome", "retry").increment();
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 2000 ? s.substring(0, 2000) : s;
    }
}
