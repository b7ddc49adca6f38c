package com.disclosuredesk.support;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring Boot test of this JVM at a PostgreSQL database instead of the in-memory H2 of
 * {@code application-test.yaml}, when the build asks for it: system properties {@code it.postgres.dir} (the cluster,
 * see {@link LocalPostgres}) and {@code it.postgres.database}. The Maven profile {@code postgres-it} runs the HTTP
 * tests (package {@code e2e}) that way; without these properties nothing changes. Registered in
 * {@code src/test/resources/META-INF/spring.factories}.
 */
public class PostgresTestEnvironment implements EnvironmentPostProcessor {

    public static final String DATABASE_PROPERTY = "it.postgres.database";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String database = System.getProperty(DATABASE_PROPERTY);
        if (database == null || database.isBlank()) {
            return;
        }
        LocalPostgres postgres = LocalPostgres.fromSystemProperties().orElseThrow(() -> new IllegalStateException(
                DATABASE_PROPERTY + " is set but " + LocalPostgres.DIR_PROPERTY + " is not"));
        environment.getPropertySources().addFirst(new MapPropertySource("postgres-integration-test", Map.of(
                "spring.datasource.url", postgres.jdbcUrl(database),
                "spring.datasource.username", postgres.user(),
                "spring.datasource.password", postgres.password())));
    }
}
