package com.disclosuredesk.intake;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;


import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which authority (by country) each intake account submits for. An account without a binding submits nothing. */
@Repository
public class IntakeAccountRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    public IntakeAccountRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record IntakeAccount(String userId, String authorityCountry, String description) {}

    public Optional<IntakeAccount> find(String userId) {
        return jdbc.sql("SELECT user_id, authority_country, description FROM dd_intake_account WHERE user_id = ?")
                .param(userId)
                .query((rs, i) -> new IntakeAccount(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public List<IntakeAccount> all() {
        return jdbc.sql("SELECT user_id, authority_country, description FROM dd_intake_account ORDER BY user_id")
                .query((rs, i) -> new IntakeAccount(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    public void bind(IntakeAccount account) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE dd_intake_account SET authority_country = ?, description = ?, updated_at = ? WHERE user_id = ?")
                .params(account.authorityCountry(), account.description(), now, account.userId()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO dd_intake_account (user_id, authority_country, description, updated_at) VALUES (?, ?, ?, ?)")
                    .params(account.userId(), account.authorityCountry(), account.description(), now).update();
        }
    }
}
