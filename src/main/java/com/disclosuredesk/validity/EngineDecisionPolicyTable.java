package com.disclosuredesk.validity;

import java.util.List;
import java.util.Map;

import com.disclosuredesk.process.LegalOrderProcess;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.stereotype.Component;

/**
 * Evaluates the deployed decision {@code order-validity} through the engine's decision service, so that every
 * evaluation is kept in the decision history. legal-order 1.3 evaluates the table in its business rule task
 * Task_CheckValidity instead (Cockpit then links the evaluation to the order); this remains for instances still on
 * 1.2 or earlier and for {@link ValidityService#check(com.disclosuredesk.order.LegalOrder, java.time.LocalDate)}.
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
