package com.disclosuredesk.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL cluster that the build started for the integration tests ({@code scripts/postgres-local.sh} in the
 * Maven profile {@code postgres-it}): its directory comes in the system property {@code it.postgres.dir}, and its
 * {@code app.env} holds port, role and password (generated per build, never committed).
 */
public record LocalPostgres(int port, String user, String password) {

    public static final String DIR_PROPERTY = "it.postgres.dir";

    /** The cluster of this test run, when the build started one. */
    public static Optional<LocalPostgres> fromSystemProperties() {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        Path env = Path.of(dir, "app.env");
        if (!Files.isRegularFile(env)) {
            throw new IllegalStateException(DIR_PROPERTY + "=" + dir + " but " + env + " does not exist: "
                    + "the PostgreSQL cluster of the integration tests did not start (scripts/postgres-local.sh)");
        }
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(env)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new LocalPostgres(Integer.parseInt(values.get("PORT")), values.get("USERNAME"),
                values.get("PASSWORD")));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    @Override
    public String toString() {
        return "LocalPostgres[127.0.0.1:" + port + ", user " + user + "]"; // never the password
    }
}
