package com.disclosuredesk.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Target;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Typed access to the variables of the legal-order process; every variable name lives here.
 * Variables hold references, ids, digests, decisions and facts of the order that are not personal
 * data: never a target's phone number or an IP address.
 */
public final class LegalOrderVariables {

    // order facts (set at receipt; shown read-only in the task forms)
    public static final String TRACKING_NUMBER = "trackingNumber";
    public static final String ORDER_REFERENCE = "orderReference";
    public static final String AUTHORITY_NAME = "authorityName";
    public static final String AUTHORITY_COUNTRY = "authorityCountry";
    public static final String AUTHORITY_CONTACT_EMAIL = "authorityContactEmail";
    public static final String ORDER_TYPE = "orderType";
    public static final String ISSUER_TYPE = "issuerType";
    public static final String ISSUER_NAME = "issuerName";
    public static final String ISSUED_ON = "issuedOn";
    public static final String VALID_UNTIL = "validUntil";
    public static final String OFFENCE = "offence";
    public static final String SUSPECT_CONFIRMED = "suspectConfirmed";
    public static final String EMERGENCY = "emergency";
    public static final String EMERGENCY_FACTS = "emergencyFacts";
    public static final String REQUESTED_CATEGORIES = "requestedCategories";
    public static final String PERIOD_FROM = "periodFrom";
    public static final String PERIOD_TO = "periodTo";
    public static final String NON_DISCLOSURE_UNTIL = "nonDisclosureUntil";
    public static final String DOCUMENT_SHA256 = "documentSha256";
    public static final String TARGET_COUNT = "targetCount";
    public static final String TARGETS_SUMMARY = "targetsSummary";
    public static final String ANSWER_DUE_AT = "answerDueAt";
    public static final String TASK_PRIORITY = "taskPriority";

    // paper orders entered with the Tasklist start form: raw input, removed at receipt and never kept in history
    public static final String FORM_TARGET_LIST = "targetList";
    public static final String FORM_DATA_CATEGORIES = "dataCategories";
    /** Start-form variables that may hold personal data (phone numbers of targets). */
    public static final Set<String> PERSONAL_INPUT_VARIABLES = Set.of(FORM_TARGET_LIST);

    // validity check
    public static final String VALIDITY_OUTCOME = "validityOutcome";
    public static final String VALIDITY_REASONS = "validityReasons";

    // legal analysis (external contract)
    public static final String ANALYSIS_DECISION = "analysisDecision";
    public static final String APPROVED_CATEGORIES = "approvedCategories";
    public static final String LEGAL_REASONING = "legalReasoning";
    public static final String ANALYSED_BY = "analysedBy";
    /** What the analyst asks the authority for, with NEED_INFO (shown to the authority). */
    public static final String INFORMATION_REQUESTED = "informationRequested";

    // clarification loop
    public static final String CLARIFICATION_TIMEOUT = "clarificationTimeout";

    // withdrawal
    public static final String ORDER_WITHDRAWN = "orderWithdrawn";

    // approval (external contract)
    public static final String APPROVAL_DECISION = "approvalDecision";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String APPROVED_BY = "approvedBy";
    public static final String APPROVED_AT = "approvedAt";

    // disclosure: ids, counts and the digest only
    public static final String DISCLOSURE_ID = "disclosureId";
    public static final String DISCLOSURE_SHA256 = "disclosureSha256";
    public static final String DISCLOSURE_OUTCOME = "disclosureOutcome";
    public static final String USERS_AFFECTED = "usersAffected";
    public static final String IP_ENTRY_COUNT = "ipEntryCount";

    // transparency
    public static final String ORDER_OUTCOME = "orderOutcome";
    public static final String LEDGER_SEQUENCE = "ledgerSequence";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final VariableScope scope;

    private LegalOrderVariables(VariableScope scope) {
        this.scope = scope;
    }

    public static LegalOrderVariables of(VariableScope scope) {
        return new LegalOrderVariables(scope);
    }

    public String trackingNumber() {
        return string(TRACKING_NUMBER);
    }

    /** Publishes the order's non-personal facts to the process, for forms, gateways and Cockpit. */
    public void putOrderFacts(LegalOrder order, Date answerDueAt, int priority) {
        scope.setVariable(TRACKING_NUMBER, order.trackingNumber());
        scope.setVariable(ORDER_REFERENCE, order.reference());
        scope.setVariable(AUTHORITY_NAME, order.authority().name());
        scope.setVariable(AUTHORITY_COUNTRY, order.authority().country());
        scope.setVariable(AUTHORITY_CONTACT_EMAIL, order.authority().contactEmail());
        scope.setVariable(ORDER_TYPE, order.orderType().name());
        scope.setVariable(ISSUER_TYPE, order.issuer().type().name());
        scope.setVariable(ISSUER_NAME, order.issuer().name());
        scope.setVariable(ISSUED_ON, String.valueOf(order.issuedOn()));
        scope.setVariable(VALID_UNTIL, order.validUntil() == null ? null : order.validUntil().toString());
        scope.setVariable(OFFENCE, order.offence().name());
        scope.setVariable(SUSPECT_CONFIRMED, order.suspectConfirmed());
        scope.setVariable(EMERGENCY, order.emergency());
        scope.setVariable(EMERGENCY_FACTS, order.emergencyFacts());
        scope.setVariable(REQUESTED_CATEGORIES, order.categoriesText());
        scope.setVariable(PERIOD_FROM, order.periodFrom().toString());
        scope.setVariable(PERIOD_TO, order.periodTo().toString());
        scope.setVariable(NON_DISCLOSURE_UNTIL, order.nonDisclosureUntil() == null ? null : order.nonDisclosureUntil().toString());
        scope.setVariable(DOCUMENT_SHA256, order.documentSha256());
        scope.setVariable(TARGET_COUNT, order.targets().size());
        scope.setVariable(TARGETS_SUMMARY, targetsSummary(order.targets()));
        scope.setVariable(ANSWER_DUE_AT, answerDueAt);
        scope.setVariable(TASK_PRIORITY, priority);
    }

    /** Targets as the forms show them: usernames and ids as given, phone numbers masked. */
    static String targetsSummary(List<Target> targets) {
        StringBuilder text = new StringBuilder();
        for (Target target : targets) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(target.type().name().toLowerCase().replace('_', ' ')).append(": ").append(target.masked());
        }
        return text.toString();
    }

    public void removePersonalInput() {
        PERSONAL_INPUT_VARIABLES.forEach(scope::removeVariable);
    }

    public String formTargetList() {
        return string(FORM_TARGET_LIST);
    }

    public void setValidity(String outcome, List<String> reasons) {
        scope.setVariable(VALIDITY_OUTCOME, outcome);
        scope.setVariable(VALIDITY_REASONS, String.join("\n", reasons));
    }

    public String validityOutcome() {
        return string(VALIDITY_OUTCOME);
    }

    public String validityReasonsText() {
        return string(VALIDITY_REASONS);
    }

    public AnalysisDecision analysisDecision() {
        return parse(AnalysisDecision.class, ANALYSIS_DECISION);
    }

    public String informationRequested() {
        return string(INFORMATION_REQUESTED);
    }

    public void setClarificationTimeout(String isoDuration) {
        scope.setVariable(CLARIFICATION_TIMEOUT, isoDuration);
    }

    public void markWithdrawn() {
        scope.setVariable(ORDER_WITHDRAWN, true);
    }

    public boolean withdrawn() {
        return Boolean.TRUE.equals(scope.getVariable(ORDER_WITHDRAWN));
    }

    public String legalReasoning() {
        return string(LEGAL_REASONING);
    }

    public Set<DataCategory> approvedCategories() {
        return categories(scope.getVariable(APPROVED_CATEGORIES));
    }

    /** Stores the approved categories as a JSON array (the contract's form), whatever form they came in. */
    public void normalizeApprovedCategories(Set<DataCategory> categories) {
        List<String> names = categories.stream().map(Enum::name).sorted().toList();
        try {
            scope.setVariable(APPROVED_CATEGORIES, SpinValues.jsonValue(JSON.writeValueAsString(names)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void setAnalysedBy(String userId) {
        scope.setVariable(ANALYSED_BY, userId);
    }

    public String analysedBy() {
        return string(ANALYSED_BY);
    }

    public ApprovalDecision approvalDecision() {
        return parse(ApprovalDecision.class, APPROVAL_DECISION);
    }

    public String approvalComment() {
        return string(APPROVAL_COMMENT);
    }

    public void setApproved(String userId, Date at) {
        scope.setVariable(APPROVED_BY, userId);
        scope.setVariable(APPROVED_AT, at);
    }

    public java.time.Instant approvedAt() {
        Object value = scope.getVariable(APPROVED_AT);
        return value instanceof Date date ? date.toInstant() : null;
    }

    public String approvedBy() {
        return string(APPROVED_BY);
    }

    public void setDisclosure(String disclosureId, String sha256, OrderOutcome outcome, int usersAffected, int ipEntries) {
        scope.setVariable(DISCLOSURE_ID, disclosureId);
        scope.setVariable(DISCLOSURE_SHA256, sha256);
        scope.setVariable(DISCLOSURE_OUTCOME, outcome.name());
        scope.setVariable(USERS_AFFECTED, usersAffected);
        scope.setVariable(IP_ENTRY_COUNT, ipEntries);
    }

    public int usersAffected() {
        Object value = scope.getVariable(USERS_AFFECTED);
        return value == null ? 0 : ((Number) value).intValue();
    }

    /**
     * How the order ended, derived from the decisions taken on the way: a withdrawal, else a disclosure decides
     * it when there was one, otherwise an invalid order is INVALID and any other ended order was REJECTED.
     */
    public OrderOutcome outcome() {
        if (withdrawn()) {
            return OrderOutcome.WITHDRAWN;
        }
        OrderOutcome disclosed = parse(OrderOutcome.class, DISCLOSURE_OUTCOME);
        if (disclosed != null) {
            return disclosed;
        }
        if (!"VALID".equals(validityOutcome())) {
            return OrderOutcome.INVALID;
        }
        return OrderOutcome.REJECTED;
    }

    public void setOutcome(OrderOutcome outcome, long ledgerSequence) {
        scope.setVariable(ORDER_OUTCOME, outcome.name());
        scope.setVariable(LEDGER_SEQUENCE, ledgerSequence);
    }

    private String string(String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    private <E extends Enum<E>> E parse(Class<E> type, String name) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskInputException(name, "'" + value + "' is not one of " + EnumSet.allOf(type));
        }
    }

    /** Accepts a JSON array (Json variable or String), a collection, or a comma-separated string. */
    static Set<DataCategory> categories(Object value) {
        Set<DataCategory> result = EnumSet.noneOf(DataCategory.class);
        if (value == null) {
            return result;
        }
        Collection<?> names;
        if (value instanceof SpinJsonNode node) {
            names = node.isArray() ? node.elements().stream().map(SpinJsonNode::stringValue).toList() : List.of(node.toString());
        } else if (value instanceof Collection<?> collection) {
            names = collection;
        } else {
            String text = value.toString().trim();
            if (text.startsWith("[")) {
                try {
                    names = JSON.readValue(text, new TypeReference<List<String>>() {});
                } catch (JsonProcessingException e) {
                    throw new InvalidTaskInputException(APPROVED_CATEGORIES, "is not a JSON array of category names");
                }
            } else {
                names = text.isEmpty() ? List.of() : List.of(text.split("\\s*,\\s*"));
            }
        }
        List<String> unknown = new ArrayList<>();
        for (Object name : names) {
            try {
                result.add(DataCategory.valueOf(String.valueOf(name).trim()));
            } catch (IllegalArgumentException e) {
                unknown.add(String.valueOf(name));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidTaskInputException(APPROVED_CATEGORIES, "unknown categories " + unknown);
        }
        return result;
    }
}
