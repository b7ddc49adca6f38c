package com.disclosuredesk.transparency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ModerationRollup} shortly after start and then every {@code disclosure-desk.transparency.rollup.interval}
 * (default ten minutes), unless {@code ...rollup.enabled} is false. On every node: the rollup's control row keeps two
 * nodes from rolling up the same days. A failure is logged and tried again at the next run.
 */
@Component
public class ModerationRollupSchedule {

    private static final Logger log = LoggerFactory.getLogger(ModerationRollupSchedule.class);

    private final ModerationRollup rollup;
    private final ModerationRollup.Settings settings;

    public ModerationRollupSchedule(ModerationRollup rollup, ModerationRollup.Settings settings) {
        this.rollup = rollup;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${disclosure-desk.transparency.rollup.interval}",
            initialDelayString = "${disclosure-desk.transparency.rollup.initial-delay}")
    public void run() {
        if (!settings.enabled()) {
            return;
        }
        try {
            rollup.rollUp();
        } catch (RuntimeException e) {
            log.warn("Moderation report rollup failed, tried again at the next run: {}", e.toString());
        }
    }
}
