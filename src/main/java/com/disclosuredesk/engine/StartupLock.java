package com.disclosuredesk.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Nodes that start at the same time on one PostgreSQL database start one after the other: from the engine's
 * configuration to the ready application, each node holds a PostgreSQL advisory lock. What a start creates on a new
 * or changed database (the engine's schema, deployments, the groups, authorizations and Tasklist filters of
 * {@code IdentityBootstrapPlugin}, Flyway's migrations, the demo subscriber data) is then created once, by the
 * first node, and found by the next. The lock is a session lock on a connection of its own: a node that dies while
 * starting releases it with its connection. On H2 (one node only) nothing is locked.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

    /** The advisory lock key: "DDSTART" in ASCII. */
    static final long KEY = 0x4444535441525454L;

    private final DataSource dataSource;
    private Connection held;

    public StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        acquire();
    }

    synchronized void acquire() {
        if (held != null) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            try {
                if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                    connection.close();
                    return;
                }
                connection.setAutoCommit(true);
                if (!tryLock(connection)) {
                    LOG.info("Another node is starting on this database: waiting until it is ready");
                    long t0 = System.nanoTime();
                    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                        lock.setLong(1, KEY);
                        lock.execute();
                    }
                    LOG.info("Startup lock acquired after {} ms", (System.nanoTime() - t0) / 1_000_000);
                }
                held = connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take the startup lock on the database", e);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** After the application runners (the demo data) have run: the next node may start. */
    @EventListener(ApplicationReadyEvent.class)
    @PreDestroy
    public synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held) {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
            }
        } catch (SQLException e) {
            LOG.warn("Could not release the startup lock; it goes with its connection: {}", e.getMessage());
        } finally {
            held = null;
        }
    }

    synchronized boolean isHeld() {
        return held != null;
    }
}
