package com.disclosuredesk.subscribers;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.validation.annotation.Validated;

/**
 * Fills the embedded subscriber directory with demo accounts ({@link DemoSubscriberGenerator}) on
 * start, in the {@code demo} profile only, and only while {@code sub_account} is empty. The number of
 * accounts is {@code disclosure-desk.demo.subscribers.accounts} (5000 in application-demo.yaml; 0 switches it off),
 * the average number of IP log entries per account {@code disclosure-desk.demo.subscribers.ip-entries-per-account}
 * (35 in application-demo.yaml, i.e. 10 to 60 each). A large directory ({@code accounts=1000000}, {@code ip-entries-per-account=50}:
 * about 50 million IP log rows) takes minutes; the progress is logged every 5%. Counts only: no personal data.
 */
@Component
@Profile("demo")
@EnableConfigurationProperties(DemoSubscriberDataLoader.Settings.class)
public class DemoSubscriberDataLoader implements ApplicationRunner {

    /** {@code disclosure-desk.demo.subscribers.*} (application-demo.yaml) */
    @Validated
    @ConfigurationProperties("disclosure-desk.demo.subscribers")
    public record Settings(@PositiveOrZero Integer accounts, @Positive Integer ipEntriesPerAccount) {
        public Settings {
            Objects.requireNonNull(accounts, "disclosure-desk.demo.subscribers.accounts is not set");
            Objects.requireNonNull(ipEntriesPerAccount, "disclosure-desk.demo.subscribers.ip-entries-per-account is not set");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(DemoSubscriberDataLoader.class);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final int accounts;
    private final int ipEntriesPerAccount;

    public DemoSubscriberDataLoader(DataSource dataSource, JdbcClient jdbc, Clock clock, Settings settings) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = settings.accounts();
        this.ipEntriesPerAccount = settings.ipEntriesPerAccount();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts <= 0) {
            log.info("Demo subscriber directory: generation switched off (disclosure-desk.demo.subscribers.accounts=0)");
            return;
        }
        Long existing = jdbc.sql("SELECT COUNT(*) FROM sub_account").query(Long.class).single();
        if (existing != null && existing > 0) {
            if (existing != accounts) {
                log.info("Demo subscriber directory: {} accounts present, nothing generated ({} configured: "
                        + "an empty database is needed to generate another size)", existing, accounts);
            } else {
                log.info("Demo subscriber directory: {} accounts present, nothing generated", existing);
            }
            return;
        }
        log.info("Demo subscriber directory: generating {} accounts with {} IP log entries each on average ({} to {})",
                accounts, ipEntriesPerAccount, DemoSubscriberGenerator.minIpEntries(ipEntriesPerAccount),
                DemoSubscriberGenerator.maxIpEntries(ipEntriesPerAccount));
        DemoSubscriberGenerator.Result r = new DemoSubscriberGenerator().generate(dataSource, accounts, clock.instant(),
                ipEntriesPerAccount, new ProgressLog(5));
        log.info("Demo subscriber directory generated: {} accounts, {} IP log entries, {} devices, "
                        + "{} username history entries in {} ms ({} rows/s)",
                r.accounts(), r.ipEntries(), r.devices(), r.usernameHistoryEntries(), r.elapsed().toMillis(),
                Math.round(r.rowsPerSecond()));
    }

    /** Logs the progress every {@code stepPercent}%, with the rate and an estimate of the time left. */
    static final class ProgressLog implements DemoSubscriberGenerator.ProgressListener {

        private final double stepPercent;
        private double next;

        ProgressLog(double stepPercent) {
            this.stepPercent = stepPercent;
            this.next = stepPercent;
        }

        @Override
        public void onProgress(DemoSubscriberGenerator.Progress p) {
            String line = line(p);
            if (line != null) {
                log.info(line);
            }
        }

        /** The line to log for this progress, or {@code null} when it is not yet time to log (counts only). */
        String line(DemoSubscriberGenerator.Progress p) {
            if (p.accountsDone() == p.accounts() || p.percent() + 1e-9 < next) {
                return null; // the end is logged with the totals
            }
            while (next <= p.percent() + 1e-9) {
                next += stepPercent;
            }
            long left = Math.round(p.elapsed().toSeconds() * (double) (p.accounts() - p.accountsDone()) / p.accountsDone());
            return String.format(Locale.ROOT,
                    "Demo subscriber directory: %d%% (%,d of %,d accounts, %,d IP log entries), %,d rows/s, %s elapsed, about %s left",
                    Math.round(p.percent()), p.accountsDone(), p.accounts(), p.ipEntries(),
                    Math.round(p.rowsPerSecond()), format(p.elapsed()), format(Duration.ofSeconds(left)));
        }

        private static String format(Duration d) {
            return d.toMinutes() > 0
                    ? String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart())
                    : d.toSeconds() + " s";
        }
    }
}
