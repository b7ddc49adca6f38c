package com.disclosuredesk.subscribers;

import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In-memory H2 databases with the subscriber directory schema (V2), without Spring or Camunda.
 *
 * <p>With {@code -Dsubscribers.test.postgres=jdbc:postgresql://host:port/db?user=...} the same tests run on
 * PostgreSQL instead, each database being a fresh schema there.
 */
final class SubscriberTestDatabase {

    /** "Now" of the generated demo data in tests. */
    static final Instant ANCHOR = Instant.parse("2026-06-01T12:00:00Z");
    static final int DEMO_ACCOUNTS = 5000;

    private static DataSource demo;
    private static DemoSubscriberGenerator.Result demoResult;

    private SubscriberTestDatabase() {
    }

    /** A fresh, empty database with the schema up to V2 (migrated by Flyway, as the application does). */
    static DataSource newDatabase() {
        return newDatabase("");
    }

    /** @param urlOptions extra H2 URL settings, e.g. {@code ;MODE=PostgreSQL} */
    static DataSource newDatabase(String urlOptions) {
        String postgres = System.getProperty("subscribers.test.postgres");
        DataSource ds = postgres == null || postgres.isBlank() ? h2(urlOptions) : postgres(postgres);
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .table("dd_schema_history")
                .target("2")
                .load()
                .migrate();
        return ds;
    }

    private static DataSource h2(String urlOptions) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:subs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + urlOptions);
        ds.setUser("sa");
        return ds;
    }

    private static DataSource postgres(String url) {
        String schema = "subs_" + UUID.randomUUID().toString().replace("-", "");
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(url);
        new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        ds.setCurrentSchema(schema);
        return ds;
    }

    /** One database per test run with the 5,000 demo accounts (generated once, shared by the test classes). */
    static synchronized DataSource demo() {
        if (demo == null) {
            DataSource ds = newDatabase();
            demoResult = new DemoSubscriberGenerator().generate(ds, DEMO_ACCOUNTS, ANCHOR);
            demo = ds;
        }
        return demo;
    }

    static synchronized DemoSubscriberGenerator.Result demoResult() {
        demo();
        return demoResult;
    }
}
