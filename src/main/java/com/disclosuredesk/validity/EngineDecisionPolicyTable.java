package com.disclosuredesk.validity;

import java.util.List;
import java.util.Map;

import com.disclosuredesk.process.LegalOrderProcess;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed decision {@code order-validity} through the engine, so that every evaluation
 * is kept in the decision history that Cockpit shows.
 */
@Component
public class EngineDecisionPolicyTable implements PolicyTable {

    private final ProcessEngine processEngine;

    public EngineDecisionPolicyTable(ProcessEngine processEngine) {
        this.processEngine = processEngine;
    }

    @Override
    public List<Finding> evaluate(PolicyFacts facts) {
        DecisionService decisions = processEngine.getDecisionService();
        List<Map<String, Object>> rows = decisions
                .evaluateDecisionTableByKey(LegalOrderProcess.DECISION_VALIDITY, facts.asVariables())
                .getResultList();
        return toFindings(rows);
    }

    static List<Finding> toFindings(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(row -> new Finding(ValidityOutcome.valueOf((String) row.get("outcome")), (String) row.get("reason")))
                .toList();
    }
}
