package com.disclosuredesk.transparency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.support.MigratedDatabase;
import com.disclosuredesk.support.MutableClock;
import com.disclosuredesk.web.ApiProblemHandler;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The public verification cannot be used to load the server: a call whose head has not moved walks nothing, a moved
 * head is checked from the verified head on, the whole chain is walked again after full-every, and a client asking
 * too often gets 429 problem+json with Retry-After.
 */
class LedgerVerificationTest {

    private static final LedgerVerification.Settings SETTINGS =
            new LedgerVerification.Settings(Duration.ofHours(1), 3, Duration.ofSeconds(10), 100);

    private JdbcTemplate jdbc;
    private MutableClock clock;
    private TransparencyLedger ledger;
    private LedgerVerification verification;
    private int orders;

    @BeforeEach
    void ledger() {
        DataSource ds = MigratedDatabase.newDatabase();
        jdbc = new JdbcTemplate(ds);
        clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
        ledger = spy(new TransparencyLedger(JdbcClient.create(ds), clock, 2));
        verification = new LedgerVerification(ledger, SETTINGS, clock);
        for (int n = 0; n < 5; n++) {
            append();
        }
    }

    private void append() {
        orders++;
        ledger.append(LedgerTestOrders.order("LO-2026-%06d".formatted(orders), "DE", OrderType.COURT_ORDER, false, 1),
                OrderOutcome.FULFILLED, 1);
    }

    @Test
    void anUnmovedHeadIsAnsweredFromTheCacheWithoutReadingEntries() {
        TransparencyLedger.Verification first = verification.current();
        TransparencyLedger.Verification second = verification.current();
        TransparencyLedger.Verification third = verification.current();

        assertThat(first.intact()).isTrue();
        assertThat(first.entries()).isEqualTo(5);
        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);
        verify(ledger, times(1)).verify();
        verify(ledger, never()).verifySince(any());
    }

    @Test
    void aMovedHeadIsVerifiedFromTheVerifiedHeadOn() {
        TransparencyLedger.Verification before = verification.current();
        append();
        append();

        TransparencyLedger.Verification after = verification.current();

        assertThat(after.intact()).isTrue();
        assertThat(after.entries()).isEqualTo(7);
        assertThat(after).isEqualTo(ledger.verifySince(new TransparencyLedger.Head(5, before.headHash())));
        verify(ledger, times(1)).verify();
        // the call above, and this test's own call
        verify(ledger, times(2)).verifySince(new TransparencyLedger.Head(5, before.headHash()));
    }

    @Test
    void tamperingInTheNewSuffixIsFoundIncrementally() {
        verification.current();
        append();
        jdbc.update("UPDATE dd_ledger_entry SET users_affected = 7 WHERE seq = 6");

        TransparencyLedger.Verification result = verification.current();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(6);
        verify(ledger, times(1)).verify();
    }

    @Test
    void theWholeChainIsWalkedAgainAfterFullEvery() {
        verification.current();
        jdbc.update("UPDATE dd_ledger_entry SET users_affected = 7 WHERE seq = 2");
        assertThat(verification.current().intact()).isTrue(); // the head did not move: the kept result

        clock.advance(Duration.ofHours(1));
        TransparencyLedger.Verification result = verification.current();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenSeq()).isEqualTo(2);
        verify(ledger, times(2)).verify();
    }

    @Test
    void aClientAskingTooOftenGets429WithRetryAfter() throws Exception {
        AtomicLong nanos = new AtomicLong(1_000_000_000L);
        VerificationRateLimit limit = new VerificationRateLimit(SETTINGS, nanos::get);
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LedgerController(ledger, verification, limit))
                .setControllerAdvice(new ApiProblemHandler()).build();

        for (int n = 0; n < 3; n++) {
            mvc.perform(get("/api/transparency/ledger/verification").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));
        }
        mvc.perform(get("/api/transparency/ledger/verification").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.type").value("https://disclosuredesk.example/problems/too-many-requests"));
        // another client is not limited by the first
        mvc.perform(get("/api/transparency/ledger/verification").with(r -> { r.setRemoteAddr("198.51.100.2"); return r; }))
                .andExpect(status().isOk());

        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        mvc.perform(get("/api/transparency/ledger/verification").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isTooManyRequests()).andExpect(header().string("Retry-After", "6"));
        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        mvc.perform(get("/api/transparency/ledger/verification").with(r -> { r.setRemoteAddr("203.0.113.7"); return r; }))
                .andExpect(status().isOk());
        // rate-limited calls never reached the verification: one walk for all the answers
        verify(ledger, times(1)).verify();
    }
}
