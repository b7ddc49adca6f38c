package com.disclosuredesk.order;

import static com.disclosuredesk.common.SqlTimes.instant;
import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Clock;
import java.util.List;

import com.disclosuredesk.common.Sequences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What authorities wrote about their orders ({@code dd_authority_note}), shown to staff with the order. */
@Repository
public class AuthorityNotes {

    private final JdbcClient jdbc;
    private final Sequences sequences;
    private final Clock clock;

    public AuthorityNotes(JdbcClient jdbc, Sequences sequences, Clock clock) {
        this.jdbc = jdbc;
        this.sequences = sequences;
        this.clock = clock;
    }

    public void add(String trackingNumber, String kind, String author, String text, String correctedFields) {
        jdbc.sql("""
                INSERT INTO dd_authority_note (id, tracking_number, kind, author, written_at, text, corrected_fields)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(sequences.next("dd_authority_note_seq"), trackingNumber, kind, author, utc(clock.instant()), text,
                        correctedFields)
                .update();
    }

    public List<AuthorityNote> of(String trackingNumber) {
        return jdbc.sql("SELECT written_at, kind, author, text, corrected_fields FROM dd_authority_note WHERE tracking_number = ? ORDER BY id")
                .param(trackingNumber)
                .query((rs, i) -> new AuthorityNote(instant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }
}
