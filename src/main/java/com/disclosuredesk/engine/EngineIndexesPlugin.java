package com.disclosuredesk.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An index the engine's H2 schema lacks for the engine's most frequent read: the variables of an execution
 * ({@code ACT_RU_VARIABLE} by {@code EXECUTION_ID_} with {@code TASK_ID_ IS NULL}, at the start of nearly every step).
 *
 * <p>H2 plans a prepared statement once, with the table statistics of that moment, and keeps the plan in its plan
 * cache. Planned on a young database, the read chose the index on {@code TASK_ID_} (the condition {@code IS NULL}
 * matches nearly every row) and so scanned every process variable of every order on every step: under load 29 ms on
 * average and up to 1.2 s, growing with the orders (docs/performance.md). With an index on both columns H2 reads only
 * the execution's rows, whatever its statistics say. PostgreSQL plans with real statistics and needs no such index.
 *
 * <p>Created after the engine has created or checked its schema, if missing ({@code CREATE INDEX IF NOT EXISTS}).
 */
@Component
public class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(EngineIndexesPlugin.class);

    static final String VARIABLES_BY_EXECUTION = "DD_IDX_VARIABLE_EXECUTION";

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        if (!"h2".equals(configuration.getDatabaseType())) {
            return;
        }
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE INDEX IF NOT EXISTS " + VARIABLES_BY_EXECUTION
                    + " ON ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_)");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            LOG.info("Index {} on ACT_RU_VARIABLE (EXECUTION_ID_, TASK_ID_) in place", VARIABLES_BY_EXECUTION);
        } catch (SQLException e) {
            throw new ProcessEngineException("Cannot create the index " + VARIABLES_BY_EXECUTION + " on ACT_RU_VARIABLE", e);
        }
    }
}
