package com.disclosuredesk.platform;

import static com.disclosuredesk.common.SqlTimes.utc;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.disclosuredesk.common.Sha256;

import jakarta.validation.constraints.PositiveOrZero;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;

/**
 * Fills the embedded platform's content ({@code pc_content}, {@code pc_media}) with demo subjects
 * ({@link DemoContentGenerator}) in the {@code demo} profile only, so that README's walk-through can report a channel, a
 * message or an account that the platform knows, with its owner and its captured picture. Runs once the application
 * has started (after the demo subscriber directory, whose accounts own the content; before the application reports
 * itself ready), in one transaction, and only while {@code pc_content} is empty: a restart adds nothing.
 * {@code disclosure-desk.demo.content.subjects} (300 in application-demo.yaml; 0 switches it off).
 */
@Component
@Profile("demo")
@EnableConfigurationProperties(DemoContentLoader.Settings.class)
public class DemoContentLoader {

    /** {@code disclosure-desk.demo.content.*} (application-demo.yaml). */
    @Validated
    @ConfigurationProperties("disclosure-desk.demo.content")
    public record Settings(@PositiveOrZero Integer subjects) {
        public Settings {
            Objects.requireNonNull(subjects, "disclosure-desk.demo.content.subjects is not set");
        }
    }

    /** The demo accounts that own content: the first ones of the directory. */
    static final int OWNERS = 50;

    private static final Logger log = LoggerFactory.getLogger(DemoContentLoader.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int subjects;

    public DemoContentLoader(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, Settings settings) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.subjects = settings.subjects();
    }

    /** First among the listeners of the ready event, so that the "ready" line of the log comes after it. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void load() {
        if (subjects <= 0) {
            log.info("Demo content: switched off (disclosure-desk.demo.content.subjects=0)");
            return;
        }
        Integer loaded = transaction.execute(status -> loadOnce());
        if (loaded == null || loaded < 0) {
            log.info("Demo content: present or no demo accounts to own it, nothing generated");
        } else {
            log.info("Demo content generated: {} subjects ({} pictures)", subjects, loaded);
        }
    }

    /** The number of pictures stored, or -1 when nothing was generated. */
    int loadOnce() {
        if (jdbc.sql("SELECT COUNT(*) FROM pc_content").query(Long.class).single() > 0) {
            return -1;
        }
        List<DemoContentGenerator.Account> owners = jdbc.sql("SELECT id, username FROM sub_account ORDER BY id FETCH FIRST "
                        + OWNERS + " ROWS ONLY")
                .query((rs, i) -> new DemoContentGenerator.Account(rs.getLong(1), rs.getString(2))).list();
        if (owners.isEmpty()) {
            return -1;
        }
        List<DemoContentGenerator.Item> items = new DemoContentGenerator().generate(subjects, owners, clock.instant());
        Map<Integer, String> pictures = new HashMap<>();
        for (DemoContentGenerator.Item item : items) {
            String sha256 = null;
            if (item.imageNumber() > 0) {
                sha256 = pictures.computeIfAbsent(item.imageNumber(), this::storePicture);
            }
            jdbc.sql("""
                    INSERT INTO pc_content (subject_key, owner_account_id, content_type, state, created_at, text, media_sha256)
                    VALUES (?, ?, ?, 'VISIBLE', ?, ?, ?)
                    """).params(item.subjectKey(), item.ownerAccountId(), item.contentType(), utc(item.createdAt()),
                            item.text(), sha256).update();
        }
        return pictures.size();
    }

    private String storePicture(int number) {
        byte[] png = DemoImages.png(number, DemoContentGenerator.DEFAULT_SEED);
        String sha256 = Sha256.hex(png);
        if (jdbc.sql("SELECT COUNT(*) FROM pc_media WHERE sha256 = ?").param(sha256).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO pc_media (sha256, media_type, content) VALUES (?, ?, ?)")
                    .params(sha256, DemoImages.MEDIA_TYPE, png).update();
        }
        return sha256;
    }
}
