package com.disclosuredesk.transparency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The public verification of the whole chain, made cheap to ask for (issue 17): the last result is kept, keyed by
 * the head it verified. A call whose head has not moved reads only the head row and answers the kept result. When
 * the head has moved, only the entries after the verified head are recomputed ({@link TransparencyLedger#verifySince}),
 * linked to the verified head's hash, so the answer still covers the whole chain: that hash is the result of
 * recomputing every entry before it, and the verified head entry is re-read to check it still has that hash. Every
 * {@code full-every} the chain is walked again from the genesis hash, so that a rewrite of an older entry by someone
 * with write access to the database is found within that time even if the head does not move.
 *
 * <p>One computation at a time: while one runs, other callers get the last result (it names its head), or wait
 * when there is none yet.
 */
@Service
@EnableConfigurationProperties(LedgerVerification.Settings.class)
public class LedgerVerification {

    /**
     * {@code disclosure-desk.transparency.ledger.verify.*}
     *
     * @param fullEvery the longest time a verified prefix is trusted before the whole chain is walked again
     * @param burst     verification requests a client (by IP address) may make at once
     * @param refill    one more request allowed per this much time, up to {@code burst}
     * @param clients   at most this many clients are tracked (least recently seen forgotten first)
     */
    @ConfigurationProperties("disclosure-desk.transparency.ledger.verify")
    public record Settings(Duration fullEvery, int burst, Duration refill, int clients) {
        public Settings {
            Objects.requireNonNull(fullEvery, "disclosure-desk.transparency.ledger.verify.full-every is not set");
            Objects.requireNonNull(refill, "disclosure-desk.transparency.ledger.verify.refill is not set");
            if (fullEvery.isNegative() || refill.isNegative() || refill.isZero()) {
                throw new IllegalArgumentException("disclosure-desk.transparency.ledger.verify: full-every must not be "
                        + "negative and refill must be positive");
            }
            if (burst < 1 || clients < 1) {
                throw new IllegalArgumentException("disclosure-desk.transparency.ledger.verify: burst and clients must be positive");
            }
        }
    }

    /** A result and the head it is keyed by; {@code fullAt}: when its prefix was last walked from the genesis hash. */
    private record Verified(TransparencyLedger.Verification result, TransparencyLedger.Head head, Instant fullAt) {}

    private final TransparencyLedger ledger;
    private final Settings settings;
    private final Clock clock;
    private final ReentrantLock computing = new ReentrantLock();
    private volatile Verified last;

    public LedgerVerification(TransparencyLedger ledger, Settings settings, Clock clock) {
        this.ledger = ledger;
        this.settings = settings;
        this.clock = clock;
    }

    /** The verification of the whole chain up to the current head (or the last result while one is computed). */
    public TransparencyLedger.Verification current() {
        Verified known = last;
        if (known != null && fresh(known, ledger.head())) {
            return known.result();
        }
        if (known != null && !computing.tryLock()) {
            return known.result();
        }
        if (known == null) {
            computing.lock();
        }
        try {
            known = last;
            TransparencyLedger.Head head = ledger.head();
            if (known != null && fresh(known, head)) {
                return known.result();
            }
            boolean incremental = known != null && known.result().intact() && !due(known);
            TransparencyLedger.Verification result = incremental ? ledger.verifySince(known.head()) : ledger.verify();
            Instant fullAt = incremental ? known.fullAt() : clock.instant();
            // an intact result is keyed by the head it reached; a broken one by the head seen before (recomputed when it moves)
            TransparencyLedger.Head key = result.intact()
                    ? new TransparencyLedger.Head(result.entries(), result.headHash()) : head;
            last = new Verified(result, key, fullAt);
            return result;
        } finally {
            computing.unlock();
        }
    }

    private boolean fresh(Verified known, TransparencyLedger.Head head) {
        return known.head().equals(head) && !due(known);
    }

    private boolean due(Verified known) {
        return !clock.instant().isBefore(known.fullAt().plus(settings.fullEvery()));
    }
}
