package com.disclosuredesk.intake;

import java.time.Duration;
import java.util.Objects;

import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Service task Task_RequestClarification: tells the authority what is missing (the validity check's reasons
 * when the order is incomplete, or what the analyst asks for) and how long it has to answer.
 */
@Component
@EnableConfigurationProperties(RequestClarificationDelegate.Settings.class)
public class RequestClarificationDelegate implements JavaDelegate {

    /** @param timeout {@code disclosure-desk.clarification.timeout}: how long the authority has to answer */
    @ConfigurationProperties("disclosure-desk.clarification")
    public record Settings(Duration timeout) {
        public Settings {
            Objects.requireNonNull(timeout, "disclosure-desk.clarification.timeout is not set");
        }
    }

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final Duration timeout;

    public RequestClarificationDelegate(OrderRepository orders, OrderTimeline timeline, Settings settings) {
        this.orders = orders;
        this.timeline = timeline;
        this.timeout = settings.timeout();
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        String missing = "INCOMPLETE".equals(variables.validityOutcome())
                ? variables.validityReasonsText().replace('\n', ' ')
                : variables.informationRequested();
        variables.setClarificationTimeout(timeout.toString());
        String deadline = " An answer is expected within " + timeout.toDays() + " days.";
        orders.updateStatus(variables.trackingNumber(), OrderStatus.NEEDS_CLARIFICATION, null, missing + deadline);
        timeline.record(variables.trackingNumber(), TimelineStep.CLARIFICATION_REQUESTED, null, "The authority was asked for: " + missing);
    }
}
