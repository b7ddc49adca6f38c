package com.disclosuredesk.validity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;

/** The real policy table (order-validity.dmn from the classpath) on a standalone DMN engine, without Camunda's engine. */
final class DmnFilePolicyTable implements PolicyTable {

    private final DmnEngine engine;
    private final DmnDecision decision;

    DmnFilePolicyTable() {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream dmn = DmnFilePolicyTable.class.getResourceAsStream("/order-validity.dmn")) {
            if (dmn == null) {
                throw new IllegalStateException("order-validity.dmn is not on the classpath");
            }
            decision = engine.parseDecision("order-validity", dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Finding> evaluate(PolicyFacts facts) {
        return EngineDecisionPolicyTable.toFindings(engine.evaluateDecisionTable(decision, facts.asVariables()).getResultList());
    }
}
