package com.disclosuredesk.validity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.process.DeadlinePolicy;

import org.springframework.stereotype.Service;

/**
 * The validity check: the policy table for what legal staff decide, plus the checks a table cannot
 * express (dates, period length, precision and number of targets). Messages never repeat a target's value.
 */
@Service
public class ValidityService {

    public static final int MAX_TARGETS = 100;
    public static final Duration MAX_PERIOD = Duration.ofDays(366);

    static final Pattern ACCOUNT_ID = Pattern.compile("^[1-9][0-9]{0,18}$");
    static final Pattern USERNAME = Pattern.compile("^@[A-Za-z][A-Za-z0-9_]{3,31}$");
    static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

    private final PolicyTable policy;

    public ValidityService(PolicyTable policy) {
        this.policy = policy;
    }

    public ValidityResult check(LegalOrder order, LocalDate today) {
        return check(order, today, policy.evaluate(factsOf(order)));
    }

    /** The outcome from the findings of the policy table (evaluated by the process' business rule task) and the checks in code. */
    public ValidityResult check(LegalOrder order, LocalDate today, List<Finding> policyFindings) {
        List<Finding> findings = new ArrayList<>(policyFindings);
        findings.addAll(checkDates(order, today));
        findings.addAll(checkTargets(order));
        return ValidityResult.of(findings);
    }

    static PolicyFacts factsOf(LegalOrder order) {
        String outOfPolicy = order.dataCategories().stream()
                .filter(c -> !c.withinPolicy())
                .map(DataCategory::name)
                .sorted()
                .collect(Collectors.joining(", "));
        return new PolicyFacts(
                order.issuer().type().name(),
                order.orderType().name(),
                order.offence().name(),
                order.suspectConfirmed(),
                order.emergency(),
                order.emergencyFacts() != null && !order.emergencyFacts().isBlank(),
                order.documentSha256() != null && !order.documentSha256().isBlank(),
                outOfPolicy);
    }

    static List<Finding> checkDates(LegalOrder order, LocalDate today) {
        List<Finding> findings = new ArrayList<>();
        if (order.issuedOn().isAfter(today)) {
            findings.add(invalid("The order is dated " + order.issuedOn() + ", which is in the future."));
        }
        if (order.validUntil() != null && order.validUntil().isBefore(today)) {
            findings.add(invalid("The order expired on " + order.validUntil() + "."));
        }
        if (order.validUntil() != null && order.validUntil().isBefore(order.issuedOn())) {
            findings.add(invalid("The order is valid until a date before it was issued."));
        }
        if (!order.periodFrom().isBefore(order.periodTo())) {
            findings.add(invalid("The requested period ends before it starts."));
        } else if (Duration.between(order.periodFrom(), order.periodTo()).compareTo(MAX_PERIOD) > 0) {
            findings.add(invalid("The requested period is longer than one year; the policy allows at most one year."));
        }
        return findings;
    }

    static List<Finding> checkTargets(LegalOrder order) {
        List<Finding> findings = new ArrayList<>();
        List<Target> targets = order.targets();
        if (targets.isEmpty()) {
            findings.add(invalid("The order names no target."));
        }
        if (targets.size() > MAX_TARGETS) {
            findings.add(invalid("The order names " + targets.size() + " targets; at most " + MAX_TARGETS + " are allowed per order."));
        }
        for (int i = 0; i < targets.size(); i++) {
            if (!precise(targets.get(i))) {
                findings.add(invalid("Target " + (i + 1) + " is not a precise " + targets.get(i).type().name().toLowerCase()
                        + " (account id, @username or E.164 phone number)."));
            }
        }
        return findings;
    }

    static boolean precise(Target target) {
        if (target.value() == null) {
            return false;
        }
        return switch (target.type()) {
            case ACCOUNT_ID -> ACCOUNT_ID.matcher(target.value()).matches();
            case USERNAME -> USERNAME.matcher(target.value()).matches();
            case PHONE -> E164.matcher(target.value()).matches();
        };
    }

    private static Finding invalid(String reason) {
        return new Finding(ValidityOutcome.INVALID, reason);
    }

    /**
     * Emergency requests and orders of non-judicial issuers are verified with the requesting authority (a call-back
     * through a known channel) before anything else happens: about a third of the emergency requests one large
     * provider saw in a year came from fake or hijacked police accounts.
     */
    public static boolean requiresRequesterVerification(LegalOrder order) {
        return DeadlinePolicy.isEmergency(order) || !order.issuer().type().judicial();
    }
}
