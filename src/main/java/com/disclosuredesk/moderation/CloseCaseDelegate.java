package com.disclosuredesk.moderation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CloseCase: the complaint window of the decision in force ended (Event_ComplaintWindowEnds). Under the case's
 * lock, as complaint intake takes it, so that a complaint is either correlated before or refused after: CLOSED.
 */
@Component
public class CloseCaseDelegate implements JavaDelegate {

    private final CaseRepository cases;

    public CloseCaseDelegate(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = ContentReportVariables.of(execution).caseNumber();
        cases.lock(caseNumber).orElseThrow(() -> new IllegalStateException("No case " + caseNumber));
        cases.updateStatus(caseNumber, CaseStatus.CLOSED);
    }
}
