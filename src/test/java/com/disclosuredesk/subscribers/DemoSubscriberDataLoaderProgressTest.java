package com.disclosuredesk.subscribers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class DemoSubscriberDataLoaderProgressTest {

    @Test
    void logsEveryFivePercentWithRateAndTimeLeftButNotTheEnd() {
        DemoSubscriberDataLoader.ProgressLog log = new DemoSubscriberDataLoader.ProgressLog(5);
        List<String> lines = new ArrayList<>();
        int accounts = 1_000_000;
        for (int done = 10_000; done <= accounts; done += 10_000) {
            Duration elapsed = Duration.ofMillis(done * 7L / 10); // 0.7 ms per account
            lines.add(log.line(new DemoSubscriberGenerator.Progress(done, accounts, done * 50L, done * 53L, elapsed)));
        }
        List<String> logged = lines.stream().filter(Objects::nonNull).toList();

        assertThat(logged).hasSize(19); // 5%, 10%, ... 95%; 100% is logged with the totals
        assertThat(logged.get(0)).isEqualTo("Demo subscriber directory: 5% (50,000 of 1,000,000 accounts, "
                + "2,500,000 IP log entries), 75,714 rows/s, 35 s elapsed, about 11 min 05 s left");
        assertThat(logged.get(18)).startsWith("Demo subscriber directory: 95% (950,000 of 1,000,000 accounts");
    }

    @Test
    void coarseProgressLogsOncePerStepPassed() {
        DemoSubscriberDataLoader.ProgressLog log = new DemoSubscriberDataLoader.ProgressLog(5);

        assertThat(log.line(new DemoSubscriberGenerator.Progress(10_000, 30_000, 0, 0, Duration.ofSeconds(1))))
                .contains("33% (10,000 of 30,000 accounts");
        assertThat(log.line(new DemoSubscriberGenerator.Progress(10_400, 30_000, 0, 0, Duration.ofSeconds(1)))).isNull(); // 34.7%: 35% not reached
        assertThat(log.line(new DemoSubscriberGenerator.Progress(20_000, 30_000, 0, 0, Duration.ofSeconds(2))))
                .contains("67% (20,000 of 30,000");
        assertThat(log.line(new DemoSubscriberGenerator.Progress(30_000, 30_000, 0, 0, Duration.ofSeconds(3)))).isNull();
    }
}
