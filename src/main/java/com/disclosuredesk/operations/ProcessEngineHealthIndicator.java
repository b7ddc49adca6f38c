package com.disclosuredesk.operations;

import com.disclosuredesk.process.LegalOrderProcess;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code processEngine}: the engine answers a query on its database and the legal-order process
 * is deployed. Part of the readiness group: a node whose engine cannot reach its tables takes no orders.
 */
@Component("processEngineHealthIndicator")
public class ProcessEngineHealthIndicator extends AbstractHealthIndicator {

    private final ProcessEngine engine;

    public ProcessEngineHealthIndicator(ProcessEngine engine) {
        super("Process engine health check failed");
        this.engine = engine;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ProcessDefinition legalOrder = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(LegalOrderProcess.PROCESS_KEY).latestVersion().singleResult();
        builder.withDetail("name", engine.getName());
        if (legalOrder == null) {
            builder.down().withDetail("legalOrder", "not deployed");
            return;
        }
        builder.up()
                .withDetail("legalOrderVersion", legalOrder.getVersion())
                .withDetail("legalOrderVersionTag", String.valueOf(legalOrder.getVersionTag()));
    }
}
