package com.disclosuredesk.notification;

import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task Task_RecordUserNotification: no non-disclosure order (any more): the affected users are to be told. */
@Component
public class RecordUserNotificationDelegate implements JavaDelegate {

    private final UserNotificationService notifications;
    private final OrderTimeline timeline;

    public RecordUserNotificationDelegate(UserNotificationService notifications, OrderTimeline timeline) {
        this.notifications = notifications;
        this.timeline = timeline;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        int recorded = notifications.recordFor(variables.trackingNumber());
        variables.setUsersNotified(recorded);
        timeline.record(variables.trackingNumber(), TimelineStep.USERS_NOTIFIED, null, recorded == 0
                ? "No user notification: no account's data was disclosed."
                : recorded + " user notification(s) recorded for the platform to deliver.");
    }
}
