package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.PostgresTestEnvironment;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The HTTP tests run twice in {@code mvn verify}: on H2 (surefire) and on PostgreSQL (failsafe, Maven profile
 * {@code postgres-it}). This checks that each run really is on the database it claims, the application's tables
 * and the engine alike.
 */
@DisclosureDeskHttpTest
class DatabaseInUseTest {

    @Autowired DataSource dataSource;
    @Autowired ProcessEngine engine;

    @Test
    void theTestsRunOnTheDatabaseTheBuildChose() throws Exception {
        boolean postgres = System.getProperty(PostgresTestEnvironment.DATABASE_PROPERTY) != null;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getDatabaseProductName());
        assertThat(product).isEqualTo(postgres ? "PostgreSQL" : "H2");
        assertThat(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType())
                .isEqualTo(postgres ? "postgres" : "h2");
        if (postgres) {
            String url = JdbcUtils.extractDatabaseMetaData(dataSource, meta -> meta.getURL());
            assertThat(url).endsWith("/" + System.getProperty(PostgresTestEnvironment.DATABASE_PROPERTY));
        }
    }
}
