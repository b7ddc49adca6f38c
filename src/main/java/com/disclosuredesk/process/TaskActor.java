package com.disclosuredesk.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acts on a task: the signed-in user, else the assignee. */
public final class TaskActor {

    private TaskActor() {}

    public static String of(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }
}
