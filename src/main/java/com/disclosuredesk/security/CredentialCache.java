package com.disclosuredesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;


import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Signs callers in against the engine's users, remembering a successful sign-in for a short time
 * ({@code disclosure-desk.security.credential-cache-ttl}, 30 s in application.yaml; {@code PT0S} switches it off).
 * Every request of an API client carries its password (HTTP basic); without the cache each one costs the engine three
 * commands (check the password, read the groups, read the tenants) before any work is done.
 *
 * <p>Only successful sign-ins are remembered (a Caffeine cache: expiry after write, at most {@link #MAX_ENTRIES}
 * users), as a salted SHA-256 of user and password (the salt is random per process; nothing leaves memory), with the
 * user's groups and tenants. A different password is always checked by the engine (and counts as a failed attempt
 * there) and forgets the remembered sign-in. A changed password, a removed user or a changed group membership takes
 * effect after at most the time to live.
 */
@Component
@EnableConfigurationProperties(CredentialCache.Settings.class)
public class CredentialCache {

    /** At most this many remembered users; beyond it Caffeine evicts the least useful ones. */
    static final int MAX_ENTRIES = 10_000;

    /**
     * @param credentialCacheTtl how long a successful sign-in is remembered ({@code PT0S} or less: never)
     */
    @ConfigurationProperties("disclosure-desk.security")
    public record Settings(Duration credentialCacheTtl) {
        public Settings {
            Objects.requireNonNull(credentialCacheTtl, "disclosure-desk.security.credential-cache-ttl is not set");
        }
    }

    /** A signed-in user with the groups and tenants the engine knows for it. */
    public record SignedIn(String userId, List<String> groups, List<String> tenants) {}

    private record Entry(byte[] digest, SignedIn user) {}

    private final IdentityService identity;
    private final byte[] salt = new byte[16];
    /** null when the time to live is zero: every sign-in is checked by the engine. */
    private final Cache<String, Entry> entries;

    public CredentialCache(IdentityService identity, Clock clock, Settings settings) {
        this.identity = identity;
        Duration ttl = settings.credentialCacheTtl();
        this.entries = ttl.isZero() || ttl.isNegative() ? null : Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(MAX_ENTRIES)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
        new SecureRandom().nextBytes(salt);
    }

    /** The user, when the password is right; empty otherwise. */
    public Optional<SignedIn> authenticate(String userId, String password) {
        if (userId == null || password == null || userId.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = digest(userId, password);
        Entry entry = entries == null ? null : entries.getIfPresent(userId);
        if (entry != null && MessageDigest.isEqual(entry.digest(), digest)) {
            return Optional.of(entry.user());
        }
        if (!identity.checkPassword(userId, password)) {
            if (entries != null) {
                entries.invalidate(userId);
            }
            return Optional.empty();
        }
        SignedIn user = new SignedIn(userId,
                identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).toList());
        if (entries != null) {
            entries.put(userId, new Entry(digest, user));
        }
        return Optional.of(user);
    }

    /** Forgets every remembered sign-in (after changes to users or groups that must apply at once). */
    public void clear() {
        if (entries != null) {
            entries.invalidateAll();
        }
    }

    private byte[] digest(String userId, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(userId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(password.getBytes(StandardCharsets.UTF_8));
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
