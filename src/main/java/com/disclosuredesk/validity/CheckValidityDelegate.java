package com.disclosuredesk.validity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BiFunction;

import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.order.OrderTimeline;
import com.disclosuredesk.order.TimelineStep;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * End listener of the business rule task Task_CheckValidity: the engine has evaluated the decision
 * {@code order-validity} on the facts of the stored order ({@link ValidityFacts}); this adds the checks in code
 * ({@link ValidityService}) and records the outcome. Instances still running on legal-order 1.2 or earlier call it as
 * the delegate of their service task Task_CheckValidity, which evaluates the table from Java.
 */
@Component
public class CheckValidityDelegate implements ExecutionListener, JavaDelegate {

    /** Where a business rule task leaves the decision's result for its listeners (a transient local variable). */
    static final String DECISION_RESULT = "decisionResult";

    private final OrderRepository orders;
    private final OrderTimeline timeline;
    private final ValidityService validity;
    private final Clock clock;

    public CheckValidityDelegate(OrderRepository orders, OrderTimeline timeline, ValidityService validity, Clock clock) {
        this.orders = orders;
        this.timeline = timeline;
        this.validity = validity;
        this.clock = clock;
    }

    /** legal-order 1.3 and later: the business rule task has evaluated the table. */
    @Override
    public void notify(DelegateExecution execution) {
        record(execution, (order, today) -> validity.check(order, today, policyFindings(execution)));
    }

    /** legal-order 1.2 and earlier: the service task evaluates the table through the engine's decision service. */
    @Override
    public void execute(DelegateExecution execution) {
        record(execution, validity::check);
    }

    private void record(DelegateExecution execution, BiFunction<LegalOrder, LocalDate, ValidityResult> check) {
        LegalOrderVariables variables = LegalOrderVariables.of(execution);
        String trackingNumber = variables.trackingNumber();
        LocalDate today = LocalDate.now(clock);
        LegalOrder order = orders.get(trackingNumber);
        ValidityResult result = check.apply(order, today);
        variables.setValidity(result.outcome().name(), result.reasons());
        // a clarification may have corrected the issuer, the emergency or the non-disclosure order
        variables.setVerificationRequired(ValidityService.requiresRequesterVerification(order));
        variables.setNonDisclosureUntil(order.nonDisclosureUntil() == null ? null : order.nonDisclosureUntil().toString());
        variables.setNonDisclosureEndsAt(LegalOrderVariables.nonDisclosureEndsAt(order.nonDisclosureUntil()));
        timeline.record(trackingNumber, TimelineStep.VALIDITY_CHECKED, null,
                result.outcome() + (result.reasons().isEmpty() ? "" : ": " + String.join(" ", result.reasons())));
    }

    static List<Finding> policyFindings(DelegateExecution execution) {
        if (!(execution.getVariableLocal(DECISION_RESULT) instanceof DmnDecisionResult result)) {
            throw new IllegalStateException("Task_CheckValidity ended without the result of the decision order-validity");
        }
        return EngineDecisionPolicyTable.toFindings(result.getResultList());
    }
}
