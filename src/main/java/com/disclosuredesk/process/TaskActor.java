package com.disclosuredesk.process;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** Who acts on a task: the signed-in user, else the assignee (the application's own calls sign nobody in). */
public final class TaskActor {

    private TaskActor() {}

    public static String of(DelegateTask task) {
        Authentication authentication = authentication(task);
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    /**
     * The person who decides on this task: signed in (or its assignee), and a member of a group the task is for. An
     * administrator, whose engine rights would let them complete any task, decides nothing.
     *
     * @throws NotACandidateException otherwise
     */
    public static String decider(DelegateTask task) {
        String user = of(task);
        if (user == null) {
            throw new NotACandidateException(task.getName() + " must be completed by a signed-in user.");
        }
        Set<String> candidateGroups = task.getCandidates().stream()
                .filter(link -> link.getGroupId() != null && IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).collect(Collectors.toCollection(java.util.TreeSet::new));
        if (groupsOf(task, user).stream().noneMatch(candidateGroups::contains)) {
            throw new NotACandidateException(user + " is not in " + String.join(" or ", candidateGroups) + ", the group "
                    + task.getName() + " is for: only its members decide it.");
        }
        return user;
    }

    private static Collection<String> groupsOf(DelegateTask task, String user) {
        Authentication authentication = authentication(task);
        if (authentication != null && user.equals(authentication.getUserId()) && authentication.getGroupIds() != null) {
            return authentication.getGroupIds();
        }
        List<Group> groups = task.getProcessEngineServices().getIdentityService().createGroupQuery().groupMember(user).list();
        return groups.stream().map(Group::getId).toList();
    }

    private static Authentication authentication(DelegateTask task) {
        return task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    }
}
