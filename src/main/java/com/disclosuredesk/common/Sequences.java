package com.disclosuredesk.common;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * The database sequences of the application's tables, on H2 (embedded default) and PostgreSQL (production): ids that
 * no two nodes ever hand out twice. The database product is read once; one incrementer per sequence.
 */
@Component
public class Sequences {

    private final DataSource dataSource;
    private final boolean postgres;
    private final Map<String, DataFieldMaxValueIncrementer> incrementers = new ConcurrentHashMap<>();

    public Sequences(DataSource dataSource) {
        this.dataSource = dataSource;
        this.postgres = isPostgres(dataSource);
    }

    /** The next value of the named sequence (a fresh number, in a statement of its own). */
    public long next(String sequence) {
        return incrementers.computeIfAbsent(sequence, name -> postgres
                ? new PostgresSequenceMaxValueIncrementer(dataSource, name)
                : new H2SequenceMaxValueIncrementer(dataSource, name)).nextLongValue();
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
