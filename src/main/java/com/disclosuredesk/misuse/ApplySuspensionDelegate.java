package com.disclosuredesk.misuse;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplySuspension of misuse-review (asynchronous, retried): applies the suspension that the lead's decision on
 * record holds for the proposal of the instance's business key ({@link MisuseService#applySuspension}); refuses (an
 * incident) when the record holds no suspension, whatever the variables say.
 */
@Component("applySuspensionDelegate")
public class ApplySuspensionDelegate implements JavaDelegate {

    private final MisuseService misuse;

    public ApplySuspensionDelegate(MisuseService misuse) {
        this.misuse = misuse;
    }

    @Override
    public void execute(DelegateExecution execution) {
        misuse.applySuspension(MisuseService.proposalId(execution.getProcessBusinessKey()));
    }
}
