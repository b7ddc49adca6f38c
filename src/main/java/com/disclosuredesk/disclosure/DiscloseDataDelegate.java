package com.disclosuredesk.disclosure;

import com.disclosuredesk.operations.DisclosureMetrics;
import com.disclosuredesk.order.ApprovedDisclosure;
import com.disclosuredesk.order.OrderDecisions;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Service task Task_DiscloseData (asynchronous, retried; a final failure is an incident in Cockpit). What is disclosed,
 * about whom and who decided it come from the application's records only: the order bound to this instance, and the
 * approval and analysis on record ({@link ApprovedDisclosure}); never from a process variable. Only the disclosure's
 * id, digest and counts become process variables.
 */
@Component
public class DiscloseDataDelegate implements JavaDelegate {

    private static final Logger LOG = LoggerFactory.getLogger(DiscloseDataDelegate.class);

    private final DisclosureService disclosures;
    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final DisclosureMetrics metrics;
    private final OrderDecisions decisions;

    public DiscloseDataDelegate(DisclosureService disclosures, OrderRepository orders, OrderTimeline timeline, DisclosureMetrics metrics,
                                OrderDecisions decisions) {
        this.disclosures = disclosures;
        this.orders = orders;
        this.timeline = timeline;
        this.metrics = metrics;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        String trackingNumber = orders.boundOrder(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        long started = metrics.start();
        ApprovedDisclosure approved = ApprovedDisclosure.of(decisions.of(trackingNumber), orders.get(trackingNumber).dataCategories());
        DisclosureResult result = disclosures.disclose(trackingNumber, approved.categories(), approved.analysedBy(),
                approved.approvedBy(), approved.approvedAt());
        variables.setDisclosure(result.disclosureId(), result.sha256(), result.outcome(), result.usersAffected(),
                result.ipEntryCount());
        orders.updateStatus(trackingNumber, OrderStatus.DISCLOSED, result.outcome().name(), null);
        timeline.record(trackingNumber, TimelineStep.DISCLOSED, null, "Disclosure package ready: " + result.usersAffected() + " of "
                + result.targetCount() + " targets with data, SHA-256 " + result.sha256() + ".");
        metrics.disclosed(trackingNumber, started, result.outcome().name());
        LOG.info("Order {} disclosed: {} of {} targets with data, {} IP entries, sha256 {}", trackingNumber,
                result.usersAffected(), result.targetCount(), result.ipEntryCount(), result.sha256());
    }
}
