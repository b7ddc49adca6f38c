package com.disclosuredesk.dsa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The sender's switch and settings in a Spring context: off by default (no sender bean, nothing sent to the stub),
 * refused start when enabled without URL or token, and the token absent from the failure's text.
 */
class StatementSenderConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Infrastructure {
        @Bean
        JdbcDataSource dataSource() {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:mem:sender-config-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            new ResourceDatabasePopulator(new ClassPathResource("db/migration/V15__dsa_statements.sql")).execute(ds);
            return ds;
        }

        @Bean
        JdbcTemplate jdbcTemplate(JdbcDataSource ds) {
            return new JdbcTemplate(ds);
        }

        @Bean
        PlatformTransactionManager transactionManager(JdbcDataSource ds) {
            return new DataSourceTransactionManager(ds);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
            .withUserConfiguration(Infrastructure.class, StatementSenderHealthIndicator.class, StatementSender.class)
            .withPropertyValues("disclosure-desk.dsa.sender.batch-size=100", "disclosure-desk.dsa.sender.timeout=PT1S",
                    "disclosure-desk.dsa.sender.fixed-delay=PT0.05S", "disclosure-desk.dsa.sender.first-retry=PT1M",
                    "disclosure-desk.dsa.sender.max-retry=PT6H");

    @Test
    void disabledSenderSendsNothing() throws Exception {
        try (StatementSenderStub stub = new StatementSenderStub()) {
            runner.withPropertyValues("disclosure-desk.dsa.sender.enabled=false",
                    "disclosure-desk.dsa.sender.base-url=" + stub.baseUrl(), "disclosure-desk.dsa.sender.token=t")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        queueOne(context.getBean(JdbcTemplate.class));
                        Thread.sleep(500); // ten fixed delays of an enabled sender
                        assertThat(context).doesNotHaveBean(StatementSender.class);
                        assertThat(context).hasSingleBean(StatementSenderHealthIndicator.class);
                    });
            assertThat(stub.batches).isEmpty();
            assertThat(stub.lookups.get()).isZero();
        }
    }

    @Test
    void enabledSenderSendsTheQueueOnItsSchedule() throws Exception {
        try (StatementSenderStub stub = new StatementSenderStub()) {
            runner.withPropertyValues("disclosure-desk.dsa.sender.enabled=true",
                    "disclosure-desk.dsa.sender.base-url=" + stub.baseUrl(), "disclosure-desk.dsa.sender.token=t")
                    .run(context -> {
                        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
                        queueOne(jdbc);
                        long deadline = System.currentTimeMillis() + 10_000;
                        while (stub.batches.isEmpty() && System.currentTimeMillis() < deadline) Thread.sleep(20);
                        assertThat(stub.batches).containsExactly(java.util.List.of("dd-config-1"));
                    });
        }
    }

    private static void queueOne(JdbcTemplate jdbc) {
        jdbc.update("INSERT INTO cr_statement (id, puid, case_number, decision_id, statement, created_at, state, attempts) "
                + "VALUES (1, 'dd-config-1', 'CR-1', 1, '{\"puid\":\"dd-config-1\"}', CURRENT_TIMESTAMP, 'QUEUED', 0)");
    }

    @Test
    void enabledWithoutTokenRefusesToStart() {
        runner.withPropertyValues("disclosure-desk.dsa.sender.enabled=true",
                "disclosure-desk.dsa.sender.base-url=http://127.0.0.1:1").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("token is not set");
        });
    }

    @Test
    void enabledWithoutUrlRefusesToStartAndDoesNotShowTheToken() {
        runner.withPropertyValues("disclosure-desk.dsa.sender.enabled=true",
                "disclosure-desk.dsa.sender.token=secret-abc").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("base-url is not set");
            assertThat(context.getStartupFailure()).rootCause().message().doesNotContain("secret-abc");
        });
    }

    @Test
    void enabledWithUrlAndTokenHasTheSender() {
        runner.withPropertyValues("disclosure-desk.dsa.sender.enabled=true",
                "disclosure-desk.dsa.sender.base-url=http://127.0.0.1:1", "disclosure-desk.dsa.sender.token=t")
                .run(context -> assertThat(context).hasSingleBean(StatementSender.class));
    }
}
