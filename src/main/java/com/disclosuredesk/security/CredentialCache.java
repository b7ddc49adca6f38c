package com.disclosuredesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs callers in against the engine's users, remembering a successful sign-in for a short time
 * ({@code disclosure-desk.security.credential-cache-ttl}, default 30 s; {@code PT0S} switches it off). Every request
 * of an API client carries its password (HTTP basic); without the cache each one costs the engine three commands
 * (check the password, read the groups, read the tenants) before any work is done.
 *
 * <p>Only successful sign-ins are remembered, as a salted SHA-256 of user and password (the salt is random per
 * process; nothing leaves memory), with the user's groups and tenants. A different password is always checked by
 * the engine (and counts as a failed attempt there). A changed password, a removed user or a changed group
 * membership takes effect after at most the time to live.
 */
@Component
public class CredentialCache {

    /** Beyond this many remembered users, expired entries are dropped; if all are current, all are dropped. */
    static final int MAX_ENTRIES = 10_000;

    /** A signed-in user with the groups and tenants the engine knows for it. */
    public record SignedIn(String userId, List<String> groups, List<String> tenants) {}

    private record Entry(byte[] digest, SignedIn user, Instant expiresAt) {}

    private final IdentityService identity;
    private final Clock clock;
    private final Duration ttl;
    private final byte[] salt = new byte[16];
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CredentialCache(IdentityService identity, Clock clock,
                           @Value("${disclosure-desk.security.credential-cache-ttl:PT30S}") Duration ttl) {
        this.identity = identity;
        this.clock = clock;
        this.ttl = ttl;
        new SecureRandom().nextBytes(salt);
    }

    /** The user, when the password is right; empty otherwise. */
    public Optional<SignedIn> authenticate(String userId, String password) {
        if (userId == null || password == null || userId.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = digest(userId, password);
        Instant now = clock.instant();
        Entry entry = entries.get(userId);
        if (entry != null && now.isBefore(entry.expiresAt()) && MessageDigest.isEqual(entry.digest(), digest)) {
            return Optional.of(entry.user());
        }
        if (!identity.checkPassword(userId, password)) {
            entries.remove(userId);
            return Optional.empty();
        }
        SignedIn user = new SignedIn(userId,
                identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList(),
                identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list().stream()
                        .map(Tenant::getId).toList());
        if (!ttl.isZero() && !ttl.isNegative()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.values().removeIf(e -> !now.isBefore(e.expiresAt()));
                if (entries.size() >= MAX_ENTRIES) {
                    entries.clear();
                }
            }
            entries.put(userId, new Entry(digest, user, now.plus(ttl)));
        }
        return Optional.of(user);
    }

    /** Forgets every remembered sign-in (after changes to users or groups that must apply at once). */
    public void clear() {
        entries.clear();
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
