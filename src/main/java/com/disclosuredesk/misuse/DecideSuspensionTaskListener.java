package com.disclosuredesk.misuse;

import com.disclosuredesk.moderation.ContentReportVariables;
import com.disclosuredesk.process.TaskActor;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_DecideSuspension of misuse-review, on completion: the decider is the signed-in moderation lead
 * ({@link TaskActor#decider}); the proposal is the one of the instance's business key, never a variable; the outputs
 * (suspensionDecision, suspensionDays, suspensionReasoning) are checked by {@link MisusePolicy#checkDecision} and the
 * decision recorded in cr_misuse_measure ({@link MisuseService#decide}). A broken rule refuses the completion (400).
 */
@Component("decideSuspensionTaskListener")
public class DecideSuspensionTaskListener implements TaskListener {

    private final MisuseService misuse;

    public DecideSuspensionTaskListener(MisuseService misuse) {
        this.misuse = misuse;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
            return;
        }
        String lead = TaskActor.decider(task);
        long proposalId = MisuseService.proposalId(task.getExecution().getProcessBusinessKey());
        ContentReportVariables variables = ContentReportVariables.of(task.getExecution());
        misuse.decide(proposalId, lead, variables.value(ContentReportVariables.SUSPENSION_DECISION),
                variables.value(ContentReportVariables.SUSPENSION_DAYS), variables.value(ContentReportVariables.SUSPENSION_REASONING));
    }
}
