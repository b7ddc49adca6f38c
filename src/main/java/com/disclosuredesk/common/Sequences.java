package com.disclosuredesk.common;

import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

/** Database sequences of the application's tables, on H2 (embedded default) and PostgreSQL (production). */
public final class Sequences {

    private Sequences() {}

    public static DataFieldMaxValueIncrementer of(DataSource dataSource, String sequence) {
        return isPostgres(dataSource)
                ? new PostgresSequenceMaxValueIncrementer(dataSource, sequence)
                : new H2SequenceMaxValueIncrementer(dataSource, sequence);
    }

    static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
            return product.toLowerCase(Locale.ROOT).contains("postgres");
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the database product", e);
        }
    }
}
