package com.disclosuredesk.moderation;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Whether a notifier's notices (or a complainant's complaints) are refused now: an Art. 23 suspension decided by a
 * moderation lead ({@code cr_misuse_measure}, measure SUSPENSION) that has not ended. A notifier is known by the
 * gateway that submits for them and the gateway's pseudonymous id ({@code gateway:notifierRef}).
 */
@Repository
public class NotifierStanding {

    private final JdbcClient jdbc;
    private final Clock clock;

    public NotifierStanding(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The party reference of a notifier in cr_misuse_measure. */
    public static String notifierParty(String gateway, String notifierRef) {
        return gateway + ":" + notifierRef;
    }

    /** The party reference of an uploader (an account of the platform) who complains, in cr_misuse_measure. */
    public static String uploaderParty(long accountId) {
        return "account:" + accountId;
    }

    /** Until when the party ({@code NOTIFIER} or {@code COMPLAINANT}) is suspended, if it is now. */
    public Optional<Instant> suspendedUntil(String partyKind, String partyRef) {
        return jdbc.sql("""
                SELECT MAX(suspended_until) FROM cr_misuse_measure
                WHERE party_kind = ? AND party_ref = ? AND measure = 'SUSPENSION' AND suspended_until > ?
                """)
                .params(partyKind, partyRef, utc(clock.instant()))
                .query((rs, i) -> instant(rs, 1)).optional().filter(java.util.Objects::nonNull);
    }
}
