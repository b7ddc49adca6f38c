package com.disclosuredesk.operations;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The housekeeping of the embedded H2 database file, which H2 stops doing itself once every commit is written at once.
 * <p>
 * The embedded default runs H2 with {@code WRITE_DELAY=0} (application-demo.yaml), so that a commit is in the file
 * before the answer leaves. H2 then writes one chunk per commit from the committing thread and stops its background
 * writer thread, which is also the thread that frees and compacts the file: under the soak's load the file grew by
 * about 2.5 MB per second and never stopped (its chunks each kept a few live pages). This runs that same housekeeping
 * step of H2 ({@code FileStore.writeInBackground}: commit what is pending, drop dead chunks, rewrite sparse ones) on a
 * thread of its own, every {@code disclosure-desk.h2.housekeeping-interval-ms} (200 ms in application.yaml, as often as H2's own
 * thread at its default delay), without delaying any commit. Only for an embedded H2 file database in this JVM; on
 * PostgreSQL it does nothing.
 */
@Component
@EnableConfigurationProperties(EmbeddedDatabaseHousekeeping.Settings.class)
public class EmbeddedDatabaseHousekeeping {

    /** @param housekeepingIntervalMs {@code disclosure-desk.h2.housekeeping-interval-ms}; 0 or less: no housekeeping */
    @ConfigurationProperties("disclosure-desk.h2")
    public record Settings(Long housekeepingIntervalMs) {
        public Settings {
            Objects.requireNonNull(housekeepingIntervalMs, "disclosure-desk.h2.housekeeping-interval-ms is not set");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabaseHousekeeping.class);

    private final DataSource dataSource;
    private final long intervalMs;
    private ScheduledExecutorService thread;

    public EmbeddedDatabaseHousekeeping(DataSource dataSource, Settings settings) {
        this.dataSource = dataSource;
        this.intervalMs = settings.housekeepingIntervalMs();
    }

    @EventListener(ApplicationStartedEvent.class)
    public synchronized void start() {
        if (thread != null || intervalMs <= 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = fileStore(connection);
            if (store == null || store.getAutoCommitDelay() > 0) {
                return; // not an embedded H2 file, or H2's own background writer does it
            }
            FileStore<?> file = store.getFileStore();
            Method housekeeping = FileStore.class.getDeclaredMethod("writeInBackground");
            housekeeping.setAccessible(true);
            thread = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "h2-housekeeping");
                t.setDaemon(true);
                return t;
            });
            thread.scheduleWithFixedDelay(() -> {
                try {
                    if (!store.isClosed()) {
                        housekeeping.invoke(file);
                    }
                } catch (ReflectiveOperationException | RuntimeException e) {
                    LOG.warn("Housekeeping of the embedded database file failed (tried again): {}", e.toString());
                }
            }, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
            LOG.info("Embedded database: commits written at once; housekeeping of the file every {} ms", intervalMs);
        } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
            LOG.warn("No housekeeping of the embedded database file: {}", e.toString());
        }
    }

    @PreDestroy
    public synchronized void stop() {
        if (thread != null) {
            thread.shutdownNow();
            thread = null;
        }
    }

    /** The MVStore of an embedded H2 file database behind this connection; null for anything else. */
    static MVStore fileStore(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = connection.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || !local.getDatabase().isPersistent()
                || local.getDatabase().getStore() == null) {
            return null;
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null || store.isReadOnly() ? null : store;
    }
}
