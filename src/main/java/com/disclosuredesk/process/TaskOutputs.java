package com.disclosuredesk.process;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;

/**
 * What each user task of {@code legal-order} (and its start form) accepts from the person who works on it: its own
 * outputs, by name and type, and nothing else. {@code engine.EngineCommandGuard} refuses every
 * other variable in a completion, a form submission or a task-variable update, on every route (docs/security.md).
 * The values themselves are checked by each task's listener (decisions in their list, reasoning long enough, ...).
 */
public final class TaskOutputs {

    /** The kinds of value an output may have. Every output may be null (not given). */
    public enum Kind {
        /** A string. */
        TEXT("a string"),
        /** A boolean, or the strings "true" and "false" (a Tasklist radio button submits strings). */
        BOOLEAN("true or false"),
        /** A JSON array of category names: a Json variable, a JSON text, or a list of strings. */
        CATEGORIES("a JSON array of category names"),
        /** A date: a Date, or an ISO date string (the start form's date fields submit yyyy-MM-dd). */
        DATE("a date (yyyy-MM-dd)"),
        /** A whole number: an integer or long, or its decimal string (a Tasklist number field may submit either). */
        NUMBER("a whole number");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        /** Whether {@code value} (a raw value or a typed value as the engine APIs hand it over) is of this kind. */
        public boolean accepts(Object value) {
            if (value instanceof SerializableValue serializable) {
                // a serialized Java or XML object is never an output; a Json variable is, for categories only (its
                // content is checked by the task's listener). Its value is not read here: it may not be deserialized.
                return this == CATEGORIES && serializable.getType() != null
                        && "json".equalsIgnoreCase(serializable.getType().getName());
            }
            if (value instanceof TypedValue typed) {
                value = typed.getValue();
            }
            if (value == null) {
                return true;
            }
            return switch (this) {
                case TEXT -> value instanceof String;
                case BOOLEAN -> value instanceof Boolean || "true".equals(value) || "false".equals(value);
                case CATEGORIES -> value instanceof String || value instanceof SpinJsonNode
                        || value instanceof Collection<?> c && c.stream().allMatch(String.class::isInstance);
                case DATE -> value instanceof String || value instanceof java.util.Date;
                case NUMBER -> value instanceof Integer || value instanceof Long || value instanceof Short
                        || value instanceof String text && text.matches("-?\\d{1,9}");
            };
        }
    }

    /** The start event's id: the Tasklist start form of orders that arrive on paper. */
    public static final String START_FORM = "StartEvent_OrderReceived";

    private static final Map<String, Map<String, Kind>> OUTPUTS = outputs();

    private TaskOutputs() {}

    private static Map<String, Map<String, Kind>> outputs() {
        Map<String, Kind> analysis = ordered(
                LegalOrderVariables.ANALYSIS_DECISION, Kind.TEXT,
                LegalOrderVariables.APPROVED_CATEGORIES, Kind.CATEGORIES,
                LegalOrderVariables.LEGAL_REASONING, Kind.TEXT,
                LegalOrderVariables.INFORMATION_REQUESTED, Kind.TEXT);
        Map<String, Kind> approval = ordered(
                LegalOrderVariables.APPROVAL_DECISION, Kind.TEXT,
                LegalOrderVariables.APPROVAL_COMMENT, Kind.TEXT);
        Map<String, Map<String, Kind>> outputs = new LinkedHashMap<>();
        outputs.put(LegalOrderProcess.TASK_VERIFY_REQUESTER, ordered(
                LegalOrderVariables.REQUESTER_VERIFIED, Kind.BOOLEAN,
                LegalOrderVariables.VERIFICATION_NOTE, Kind.TEXT,
                LegalOrderVariables.REGISTER_AUTHORITY, Kind.BOOLEAN,
                LegalOrderVariables.REGISTER_CONTACT_DOMAIN, Kind.TEXT,
                LegalOrderVariables.REGISTER_KNOWN_CONTACT, Kind.TEXT));
        outputs.put(LegalOrderProcess.TASK_LEGAL_ANALYSIS, analysis);
        outputs.put(LegalOrderProcess.TASK_LEGAL_ANALYSIS_COPY, analysis);
        outputs.put(LegalOrderProcess.TASK_APPROVAL, approval);
        outputs.put(LegalOrderProcess.TASK_APPROVAL_COPY, approval);
        outputs.put(LegalOrderProcess.TASK_APPROVE_EMERGENCY_ALONE, ordered(
                LegalOrderVariables.EMERGENCY_APPROVAL, Kind.TEXT,
                LegalOrderVariables.APPROVED_CATEGORIES, Kind.CATEGORIES,
                LegalOrderVariables.APPROVAL_COMMENT, Kind.TEXT));
        outputs.put(LegalOrderProcess.TASK_ANALYSIS_AFTER_DISCLOSURE, ordered(
                LegalOrderVariables.ANALYSIS_DECISION, Kind.TEXT,
                LegalOrderVariables.LEGAL_REASONING, Kind.TEXT));
        outputs.put(START_FORM, ordered(
                LegalOrderVariables.ORDER_REFERENCE, Kind.TEXT,
                LegalOrderVariables.ORDER_TYPE, Kind.TEXT,
                LegalOrderVariables.DOCUMENT_SHA256, Kind.TEXT,
                LegalOrderVariables.AUTHORITY_NAME, Kind.TEXT,
                LegalOrderVariables.AUTHORITY_COUNTRY, Kind.TEXT,
                LegalOrderVariables.AUTHORITY_CONTACT_EMAIL, Kind.TEXT,
                LegalOrderVariables.ISSUER_TYPE, Kind.TEXT,
                LegalOrderVariables.ISSUER_NAME, Kind.TEXT,
                LegalOrderVariables.ISSUED_ON, Kind.DATE,
                LegalOrderVariables.VALID_UNTIL, Kind.DATE,
                LegalOrderVariables.OFFENCE, Kind.TEXT,
                LegalOrderVariables.SUSPECT_CONFIRMED, Kind.BOOLEAN,
                LegalOrderVariables.EMERGENCY, Kind.BOOLEAN,
                LegalOrderVariables.EMERGENCY_FACTS, Kind.TEXT,
                LegalOrderVariables.FORM_TARGET_LIST, Kind.TEXT,
                LegalOrderVariables.FORM_DATA_CATEGORIES, Kind.CATEGORIES,
                LegalOrderVariables.PERIOD_FROM, Kind.DATE,
                LegalOrderVariables.PERIOD_TO, Kind.DATE,
                LegalOrderVariables.NON_DISCLOSURE_UNTIL, Kind.DATE));
        return Map.copyOf(outputs);
    }

    /** Outputs in the order given: name, kind, name, kind, ... (also for the tasks of part two). */
    public static Map<String, Kind> ordered(Object... nameAndKind) {
        Map<String, Kind> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndKind.length; i += 2) {
            map.put((String) nameAndKind[i], (Kind) nameAndKind[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The outputs of a user task (or of the start form) of legal-order, by its BPMN id; empty: it accepts nothing. */
    public static Map<String, Kind> of(String elementId) {
        return OUTPUTS.getOrDefault(elementId, Map.of());
    }

    /** Every element of legal-order that takes input from a person, with its outputs (docs/security.md lists them). */
    public static Map<String, Map<String, Kind>> all() {
        return OUTPUTS;
    }

    /**
     * Why {@code name} with {@code value} is refused on {@code elementId}, or empty when it is one of its outputs of
     * the right kind. The text names the variable and the rule, never the value.
     */
    public static Optional<String> problem(String elementId, String name, Object value) {
        return problem(of(elementId), elementId, name, value);
    }

    /** As {@link #problem(String, String, Object)}, against the given outputs of {@code elementId}. */
    public static Optional<String> problem(Map<String, Kind> outputs, String elementId, String name, Object value) {
        Kind kind = outputs.get(name);
        if (kind == null) {
            return Optional.of(outputs.isEmpty()
                    ? "is not accepted: " + elementId + " takes no input"
                    : "is not an output of " + elementId + ", which accepts only " + String.join(", ", outputs.keySet()));
        }
        return kind.accepts(value) ? Optional.empty() : Optional.of("must be " + kind.description());
    }
}
