package com.disclosuredesk.transparency;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A token bucket per client (IP address) in front of the public ledger verification: {@code burst} requests at
 * once, then one per {@code refill}. Hand-written on Caffeine (already a dependency, bounded by {@code clients}
 * and forgetting a client once its bucket would be full again) rather than adding Bucket4j for one endpoint: the
 * whole limiter is the arithmetic below. Per node: in a cluster each node limits on its own.
 */
@Component
public class VerificationRateLimit {

    private final long burst;
    private final long refillNanos;
    private final LongSupplier nanoTime;
    private final Cache<String, Bucket> buckets;

    @Autowired
    public VerificationRateLimit(LedgerVerification.Settings settings) {
        this(settings, System::nanoTime);
    }

    VerificationRateLimit(LedgerVerification.Settings settings, LongSupplier nanoTime) {
        this.burst = settings.burst();
        this.refillNanos = settings.refill().toNanos();
        this.nanoTime = nanoTime;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(settings.clients())
                .expireAfterAccess(settings.refill().multipliedBy(settings.burst()).toNanos(), TimeUnit.NANOSECONDS)
                .ticker(nanoTime::getAsLong)
                .build();
    }

    /** Takes one request from the client's bucket: {@link Duration#ZERO} if allowed, else how long to wait. */
    public Duration take(String client) {
        return buckets.get(client, key -> new Bucket(burst, nanoTime.getAsLong())).take(nanoTime.getAsLong());
    }

    /** Tokens in nanoseconds of refill ({@code refillNanos} per request), so no fractions are lost. */
    private final class Bucket {
        private long tokens;
        private long updated;

        Bucket(long requests, long now) {
            this.tokens = requests * refillNanos;
            this.updated = now;
        }

        synchronized Duration take(long now) {
            tokens = Math.min(burst * refillNanos, tokens + Math.max(0, now - updated));
            updated = now;
            if (tokens >= refillNanos) {
                tokens -= refillNanos;
                return Duration.ZERO;
            }
            return Duration.ofNanos(refillNanos - tokens);
        }
    }
}
