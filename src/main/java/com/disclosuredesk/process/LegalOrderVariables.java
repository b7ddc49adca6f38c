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

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.SpinRuntimeException;
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

    // clocks and escalation
    /** When an open analysis or approval is escalated (the due date; emergencies: when the clock is nearly out). */
    public static final String ESCALATION_AT = "escalationAt";
    /** Priority of escalated tasks and of the copies handed to the approvers. */
    public static final String ESCALATED_PRIORITY = "escalatedPriority";
    /** Input parameter of the escalation step: the id of the task it escalates. */
    public static final String ESCALATED_TASK = "escalatedTask";
    public static final String ESCALATION_COUNT = "escalationCount";

    // requester verification (external contract: requesterVerified, verificationNote)
    public static final String REQUESTER_VERIFICATION_REQUIRED = "requesterVerificationRequired";
    public static final String REQUESTER_VERIFIED = "requesterVerified";
    public static final String VERIFICATION_NOTE = "verificationNote";
    public static final String VERIFIED_BY = "verifiedBy";
    /** What the registry of known authorities knows: name, official domain, known contact, verified by and when. */
    public static final String KNOWN_AUTHORITY = "knownAuthority";
    public static final String KNOWN_CONTACT = "knownContact";
    public static final String AUTHORITY_WARNING = "authorityWarning";
    /** Verification form: register the verified authority in the registry, with its official domain and contact. */
    public static final String REGISTER_AUTHORITY = "registerAuthority";
    public static final String REGISTER_CONTACT_DOMAIN = "registerContactDomain";
    public static final String REGISTER_KNOWN_CONTACT = "registerKnownContact";

    // emergency fast track
    /** APPROVE (an approver alone) or LEAVE_TO_ANALYSIS. */
    public static final String EMERGENCY_APPROVAL = "emergencyApproval";
    public static final String EMERGENCY_APPROVED_ALONE = "emergencyApprovedAlone";
    public static final String REVIEW_DUE_AT = "reviewDueAt";
    public static final String FLAGGED_FOR_REVIEW = "flaggedForReview";
    /** CONFIRMED or DISPUTED: the legal analysis completed after an emergency disclosure. */
    public static final String REVIEW_OUTCOME = "reviewOutcome";

    // duplicate targets
    /** Other open orders of the same authority naming the same targets (tracking numbers, no target data). */
    public static final String RELATED_ORDERS = "relatedOrders";
    public static final String RELATED_ORDER_COUNT = "relatedOrderCount";

    // preservation
    public static final String PRESERVATION_HELD_UNTIL = "preservationHeldUntil";
    public static final String PRESERVATION_SHA256 = "preservationSha256";
    public static final String PRESERVATION_EXTENDED = "preservationExtended";
    public static final String PRESERVATION_ENDED = "preservationEnded";

    // non-disclosure order and user notification
    /** End of the non-disclosure order (end of the day nonDisclosureUntil, UTC); null without one. */
    public static final String NON_DISCLOSURE_ENDS_AT = "nonDisclosureEndsAt";
    public static final String USERS_NOTIFIED = "usersNotified";

    // paper orders entered with the Tasklist start form: raw input, removed at receipt and never kept in history
    public static final String FORM_TARGET_LIST = "targetList";
    public static final String FORM_DATA_CATEGORIES = "dataCategories";
    /** Start-form variables that may hold personal data (phone numbers of targets). */
    public static final Set<String> PERSONAL_INPUT_VARIABLES = Set.of(FORM_TARGET_LIST);

    /**
     * Variables that only copy the order's record (the application's tables, {@code dd_legal_order}, which keep the
     * order, its corrections and its timeline): the runtime value is there for forms, gateways and Tasklist columns,
     * but the engine writes no history for them at all, neither a historic instance nor a change log entry
     * ({@code engine.LeanHistoryLevel}; docs/performance.md, issue 18). The business key is the tracking number's
     * own history ({@code ACT_HI_PROCINST}).
     */
    public static final Set<String> RECORD_COPIES = Set.of(TRACKING_NUMBER, ORDER_REFERENCE, AUTHORITY_NAME,
            AUTHORITY_COUNTRY, AUTHORITY_CONTACT_EMAIL, ORDER_TYPE, ISSUER_TYPE, ISSUER_NAME, ISSUED_ON, VALID_UNTIL,
            OFFENCE, SUSPECT_CONFIRMED, EMERGENCY, EMERGENCY_FACTS, REQUESTED_CATEGORIES, PERIOD_FROM, PERIOD_TO,
            DOCUMENT_SHA256, TARGET_COUNT, TARGETS_SUMMARY);

    /**
     * Variables that hold what was looked up for a form, or a priority: the engine's history keeps their value
     * (ACT_HI_VARINST) but no change log entry (ACT_HI_DETAIL) for each value they had. Decisions, outcomes, clocks
     * and everything not named here or in {@link #RECORD_COPIES} keep both (PersonalDataHistoryFilterPlugin;
     * docs/performance.md).
     */
    public static final Set<String> CURRENT_VALUE_ONLY = Set.of(TASK_PRIORITY, ESCALATED_PRIORITY, RELATED_ORDERS,
            RELATED_ORDER_COUNT, KNOWN_AUTHORITY, KNOWN_CONTACT, AUTHORITY_WARNING, REQUESTER_VERIFICATION_REQUIRED);

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

    private final VariableScope scope;

    private LegalOrderVariables(VariableScope scope) {
        this.scope = scope;
    }

    /**
     * The variables of a process scope. A task whose execution is gone was ended by a concurrent change (a withdrawal
     * committed between reading the task and its execution): that is the engine's lost race, answered 409.
     */
    public static LegalOrderVariables of(VariableScope scope) {
        if (scope == null) {
            throw new org.camunda.bpm.engine.OptimisticLockingException(
                    "The order changed concurrently (its process moved on while this request ran): reload it");
        }
        return new LegalOrderVariables(scope);
    }

    /**
     * The order's tracking number: the process instance's business key, which no API can change (the variable
     * {@code trackingNumber} is only its copy, for forms and Tasklist columns). Steps that disclose or decide check
     * in addition that the order is bound to this very instance ({@code OrderRepository.boundOrder}).
     */
    public String trackingNumber() {
        if (scope instanceof DelegateExecution execution) {
            return execution.getProcessBusinessKey();
        }
        if (scope instanceof DelegateTask task) {
            return task.getExecution().getProcessBusinessKey();
        }
        throw new IllegalStateException("The tracking number is read from a process instance only");
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
        if (!scope.hasVariable(REQUESTER_VERIFIED)) {
            scope.setVariable(REQUESTER_VERIFIED, null);
        }
        scope.setVariable(EMERGENCY_APPROVED_ALONE, false);
        scope.setVariable(NON_DISCLOSURE_ENDS_AT, nonDisclosureEndsAt(order.nonDisclosureUntil()));
    }

    /** The clocks of the escalations. */
    public void setEscalation(Date escalationAt, int escalatedPriority) {
        scope.setVariable(ESCALATION_AT, escalationAt);
        scope.setVariable(ESCALATED_PRIORITY, escalatedPriority);
    }

    public Date answerDueAt() {
        return date(ANSWER_DUE_AT);
    }

    public int escalatedPriority() {
        Object value = scope.getVariable(ESCALATED_PRIORITY);
        return value == null ? 0 : ((Number) value).intValue();
    }

    public int countEscalation() {
        Object value = scope.getVariable(ESCALATION_COUNT);
        int count = (value == null ? 0 : ((Number) value).intValue()) + 1;
        scope.setVariable(ESCALATION_COUNT, count);
        return count;
    }

    /** A non-disclosure order ends with the day it names, in UTC. */
    public static Date nonDisclosureEndsAt(java.time.LocalDate until) {
        return until == null ? null : Date.from(until.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    public void setNonDisclosureEndsAt(Date endsAt) {
        scope.setVariable(NON_DISCLOSURE_ENDS_AT, endsAt);
    }

    public Date nonDisclosureEndsAt() {
        return date(NON_DISCLOSURE_ENDS_AT);
    }

    public String nonDisclosureUntil() {
        return string(NON_DISCLOSURE_UNTIL);
    }

    public void setNonDisclosureUntil(String isoDate) {
        scope.setVariable(NON_DISCLOSURE_UNTIL, isoDate);
    }

    public void setVerificationRequired(boolean required) {
        scope.setVariable(REQUESTER_VERIFICATION_REQUIRED, required);
    }

    public boolean emergency() {
        return Boolean.TRUE.equals(scope.getVariable(EMERGENCY));
    }

    /** The registry's view of the requester, shown on the verification task. */
    public void setRequesterCheck(String knownAuthority, String knownContact, String warning) {
        scope.setVariable(KNOWN_AUTHORITY, knownAuthority);
        scope.setVariable(KNOWN_CONTACT, knownContact);
        scope.setVariable(AUTHORITY_WARNING, warning);
    }

    /** null until decided, then TRUE or FALSE. */
    public Boolean requesterVerified() {
        Object value = scope.getVariable(REQUESTER_VERIFIED);
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.valueOf(text);
        }
        throw new InvalidTaskInputException(REQUESTER_VERIFIED, "must be true or false");
    }

    public String verificationNote() {
        return string(VERIFICATION_NOTE);
    }

    public void setVerification(boolean verified, String note, String verifiedBy) {
        scope.setVariable(REQUESTER_VERIFIED, verified);
        scope.setVariable(VERIFICATION_NOTE, note);
        scope.setVariable(VERIFIED_BY, verifiedBy);
    }

    public boolean registerAuthority() {
        Object value = scope.getVariable(REGISTER_AUTHORITY);
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value));
    }

    public String registerContactDomain() {
        return string(REGISTER_CONTACT_DOMAIN);
    }

    public String registerKnownContact() {
        return string(REGISTER_KNOWN_CONTACT);
    }

    public String emergencyApproval() {
        return string(EMERGENCY_APPROVAL);
    }

    public void setApprovedAlone(Date reviewDueAt) {
        scope.setVariable(EMERGENCY_APPROVED_ALONE, true);
        scope.setVariable(REVIEW_DUE_AT, reviewDueAt);
    }

    public boolean approvedAlone() {
        return Boolean.TRUE.equals(scope.getVariable(EMERGENCY_APPROVED_ALONE));
    }

    public void flagForReview() {
        scope.setVariable(FLAGGED_FOR_REVIEW, true);
    }

    public void setReviewOutcome(String outcome) {
        scope.setVariable(REVIEW_OUTCOME, outcome);
    }

    /**
     * Related orders as a JSON array (tracking number, reference, status, shared targets, link): the form lists them;
     * {@code total}: how many there are in all (the list may hold only the most recent).
     */
    public void setRelatedOrders(List<? extends java.util.Map<String, ?>> entries, int total) {
        // Json variables are the engine's: written with its JSON data format (Spin), as the engine reads them
        scope.setVariable(RELATED_ORDERS, SpinValues.jsonValue(Spin.JSON(entries).toString()).create());
        scope.setVariable(RELATED_ORDER_COUNT, total);
    }

    public void setPreservation(Date heldUntil, String sha256, boolean extended) {
        scope.setVariable(PRESERVATION_HELD_UNTIL, heldUntil);
        scope.setVariable(PRESERVATION_SHA256, sha256);
        scope.setVariable(PRESERVATION_EXTENDED, extended);
    }

    public void markPreservationEnded() {
        scope.setVariable(PRESERVATION_ENDED, true);
    }

    public boolean preservationEnded() {
        return Boolean.TRUE.equals(scope.getVariable(PRESERVATION_ENDED));
    }

    public void setUsersNotified(int count) {
        scope.setVariable(USERS_NOTIFIED, count);
    }

    private Date date(String name) {
        Object value = scope.getVariable(name);
        return value instanceof Date date ? date : null;
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
        scope.setVariable(APPROVED_CATEGORIES, SpinValues.jsonValue(Spin.JSON(names).toString()).create());
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
     * it when there was one, else an ended preservation hold (PRESERVED), a requester not verified (UNVERIFIED);
     * otherwise an invalid order is INVALID and any other ended order was REJECTED.
     */
    public OrderOutcome outcome() {
        if (withdrawn()) {
            return OrderOutcome.WITHDRAWN;
        }
        OrderOutcome disclosed = parse(OrderOutcome.class, DISCLOSURE_OUTCOME);
        if (disclosed != null) {
            return disclosed;
        }
        if (preservationEnded()) {
            return OrderOutcome.PRESERVED;
        }
        if (Boolean.FALSE.equals(scope.getVariable(REQUESTER_VERIFIED))) {
            return OrderOutcome.UNVERIFIED;
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

    /**
     * The elements of a JSON array as texts, as a list of strings reads them: a string as it is, a number or boolean
     * as written, null as null.
     *
     * @throws IllegalArgumentException if it is not an array, or an element is an object or an array
     */
    public static List<String> textsOf(SpinJsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("not a JSON array");
        }
        List<String> texts = new ArrayList<>();
        for (SpinJsonNode element : array.elements()) {
            if (element.isObject() || element.isArray()) {
                throw new IllegalArgumentException("not a JSON array of texts");
            }
            texts.add(element.isNull() ? null : element.isString() ? element.stringValue() : element.toString());
        }
        return texts;
    }

    /** The categories of a value as {@link #approvedCategories()} reads them (a JSON array of names). */
    public static Set<DataCategory> categoriesOf(Object value) {
        return categories(value);
    }

    /**
     * The contract's form: a JSON array of category names, as a Json variable, a JSON text or a list. Anything else
     * (a bare name, a comma-separated text, a JSON object) is refused naming the variable.
     */
    static Set<DataCategory> categories(Object value) {
        Set<DataCategory> result = EnumSet.noneOf(DataCategory.class);
        if (value == null) {
            return result;
        }
        Collection<?> names;
        if (value instanceof SpinJsonNode node) {
            if (!node.isArray()) {
                throw new InvalidTaskInputException(APPROVED_CATEGORIES, "must be a JSON array of category names, such as [\"IP_ADDRESS\"]");
            }
            names = node.elements().stream().map(n -> n.isString() ? n.stringValue() : n.toString()).toList();
        } else if (value instanceof Collection<?> collection) {
            names = collection;
        } else {
            String text = value.toString().trim();
            if (text.startsWith("[")) {
                try {
                    names = textsOf(Spin.JSON(text));
                } catch (SpinRuntimeException | IllegalArgumentException e) {
                    throw new InvalidTaskInputException(APPROVED_CATEGORIES, "is not a JSON array of category names");
                }
            } else if (text.isEmpty()) {
                names = List.of();
            } else {
                throw new InvalidTaskInputException(APPROVED_CATEGORIES, "must be a JSON array of category names, such as [\"IP_ADDRESS\"]");
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
