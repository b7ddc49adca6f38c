package com.disclosuredesk.support;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the application's schema (all Flyway migrations), without Spring. */
public final class MigratedDatabase {

    private MigratedDatabase() {}

    public static DataSource newDatabase() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:dd-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .table("dd_schema_history")
                .load()
                .migrate();
        return ds;
    }
}
