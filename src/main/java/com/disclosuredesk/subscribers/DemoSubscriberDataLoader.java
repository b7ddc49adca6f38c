package com.disclosuredesk.subscribers;

import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the embedded subscriber directory with demo accounts ({@link DemoSubscriberGenerator}) on
 * start, in the {@code demo} profile only, and only while {@code sub_account} is empty. The number of
 * accounts is {@code disclosure-desk.demo.subscribers.accounts} (default 5000; 0 switches it off).
 */
@Component
@Profile("demo")
public class DemoSubscriberDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSubscriberDataLoader.class);

    private final JdbcTemplate jdbc;
    private final int accounts;

    public DemoSubscriberDataLoader(DataSource dataSource,
            @Value("${disclosure-desk.demo.subscribers.accounts:5000}") int accounts) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts <= 0) {
            log.info("Demo subscriber directory: generation switched off (disclosure-desk.demo.subscribers.accounts=0)");
            return;
        }
        Long existing = jdbc.queryForObject("SELECT COUNT(*) FROM sub_account", Long.class);
        if (existing != null && existing > 0) {
            log.info("Demo subscriber directory: {} accounts present, nothing generated", existing);
            return;
        }
        DemoSubscriberGenerator.Result r = new DemoSubscriberGenerator().generate(jdbc, accounts, Instant.now());
        log.info("Demo subscriber directory generated: {} accounts, {} IP log entries, {} devices, "
                        + "{} username history entries in {} ms",
                r.accounts(), r.ipEntries(), r.devices(), r.usernameHistoryEntries(), r.elapsed().toMillis());
    }
}
