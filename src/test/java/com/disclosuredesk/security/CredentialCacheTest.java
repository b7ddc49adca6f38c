package com.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.disclosuredesk.support.MutableClock;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    private IdentityService identity;

    @BeforeEach
    void engineKnowsOneUser() {
        identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
        when(identity.checkPassword(anyString(), anyString())).thenReturn(false);
        when(identity.checkPassword("police-de", "right")).thenReturn(true);
        Group intake = mock(Group.class);
        when(intake.getId()).thenReturn("intake-systems");
        when(identity.createGroupQuery().groupMember("police-de").list()).thenReturn(List.of(intake));
        when(identity.createTenantQuery().userMember("police-de").includingGroupsOfUser(true).list()).thenReturn(List.of());
    }

    @Test
    void aSuccessfulSignInIsRememberedForItsTimeToLive() {
        CredentialCache cache = new CredentialCache(identity, clock, new CredentialCache.Settings(Duration.ofSeconds(30)));

        assertThat(cache.authenticate("police-de", "right")).get()
                .satisfies(user -> assertThat(user.groups()).containsExactly("intake-systems"));
        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.authenticate("police-de", "right")).isPresent();
        verify(identity, times(1)).checkPassword("police-de", "right");

        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.authenticate("police-de", "right")).isPresent();
        verify(identity, times(2)).checkPassword("police-de", "right");
    }

    @Test
    void anotherPasswordIsAlwaysCheckedByTheEngineAndNeverRemembered() {
        CredentialCache cache = new CredentialCache(identity, clock, new CredentialCache.Settings(Duration.ofSeconds(30)));
        assertThat(cache.authenticate("police-de", "right")).isPresent();

        assertThat(cache.authenticate("police-de", "wrong")).isEmpty();
        assertThat(cache.authenticate("police-de", "wrong")).isEmpty();
        verify(identity, times(2)).checkPassword("police-de", "wrong");
        // the failed attempt also forgets the good one: the next sign-in is checked again
        assertThat(cache.authenticate("police-de", "right")).isPresent();
        verify(identity, times(2)).checkPassword("police-de", "right");
        assertThat(cache.authenticate("court-us", "right")).isEmpty();
    }

    @Test
    void aTimeToLiveOfZeroChecksEverySignIn() {
        CredentialCache cache = new CredentialCache(identity, clock, new CredentialCache.Settings(Duration.ZERO));
        cache.authenticate("police-de", "right");
        cache.authenticate("police-de", "right");
        verify(identity, times(2)).checkPassword("police-de", "right");
    }

    @Test
    void missingCredentialsAreRefusedWithoutAskingTheEngine() {
        CredentialCache cache = new CredentialCache(identity, clock, new CredentialCache.Settings(Duration.ofSeconds(30)));
        assertThat(cache.authenticate(null, "right")).isEmpty();
        assertThat(cache.authenticate("police-de", null)).isEmpty();
        assertThat(cache.authenticate("", "right")).isEmpty();
        verify(identity, never()).checkPassword(anyString(), anyString());
    }

    @Test
    void clearForgetsEverySignIn() {
        CredentialCache cache = new CredentialCache(identity, clock, new CredentialCache.Settings(Duration.ofSeconds(30)));
        cache.authenticate("police-de", "right");
        cache.clear();
        cache.authenticate("police-de", "right");
        verify(identity, times(2)).checkPassword("police-de", "right");
    }
}
