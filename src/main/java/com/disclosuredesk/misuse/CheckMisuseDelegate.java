package com.disclosuredesk.misuse;

import com.disclosuredesk.moderation.ContentReportVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CheckMisuse of content-report: after the decision took effect, checks the notifiers (a decision to take no
 * action) or the account (manifestly illegal content) for Art. 23 misuse ({@link MisuseService#afterDecision}).
 */
@Component("checkMisuseDelegate")
public class CheckMisuseDelegate implements JavaDelegate {

    private final MisuseService misuse;

    public CheckMisuseDelegate(MisuseService misuse) {
        this.misuse = misuse;
    }

    @Override
    public void execute(DelegateExecution execution) {
        misuse.afterDecision(ContentReportVariables.of(execution).caseNumber());
    }
}
