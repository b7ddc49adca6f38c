package com.disclosuredesk.moderation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.disclosuredesk.process.TaskOutputs.Kind;

/**
 * What each user task of {@code content-report} and {@code misuse-review} accepts from the person who works on it:
 * its own outputs (the contract of PRODUCT.md "Part two"), by name and type, and nothing else. The engine's guard
 * ({@code engine.EngineCommandGuard}) refuses every other variable on every route, as for legal orders; each task's
 * listener checks the values and records the decision in the application's tables from the signed-in user.
 */
public final class ModerationTaskOutputs {

    private static final Map<String, Map<String, Kind>> OUTPUTS = Map.of(
            ContentReportProcess.TASK_REVIEW_CONTENT, ordered(
                    ContentReportVariables.MODERATION_DECISION, Kind.TEXT,
                    ContentReportVariables.DECISION_GROUND, Kind.TEXT,
                    ContentReportVariables.GROUND_REFERENCE, Kind.TEXT,
                    ContentReportVariables.DECISION_EXPLANATION, Kind.TEXT,
                    ContentReportVariables.THREAT_TO_LIFE, Kind.BOOLEAN),
            ContentReportProcess.TASK_REVIEW_COMPLAINT, ordered(
                    ContentReportVariables.COMPLAINT_DECISION, Kind.TEXT,
                    ContentReportVariables.COMPLAINT_REASONING, Kind.TEXT),
            ContentReportProcess.TASK_DECIDE_SUSPENSION, ordered(
                    ContentReportVariables.SUSPENSION_DECISION, Kind.TEXT,
                    ContentReportVariables.SUSPENSION_DAYS, Kind.NUMBER,
                    ContentReportVariables.SUSPENSION_REASONING, Kind.TEXT));

    private ModerationTaskOutputs() {}

    private static Map<String, Kind> ordered(Object... nameAndKind) {
        Map<String, Kind> map = new LinkedHashMap<>();
        for (int i = 0; i < nameAndKind.length; i += 2) {
            map.put((String) nameAndKind[i], (Kind) nameAndKind[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** The outputs of a user task of content-report or misuse-review, by its BPMN id; empty: it accepts nothing. */
    public static Map<String, Kind> of(String elementId) {
        return OUTPUTS.getOrDefault(elementId, Map.of());
    }

    public static Map<String, Map<String, Kind>> all() {
        return OUTPUTS;
    }

    /** Why {@code name} with {@code value} is refused on {@code elementId}, or empty; names the rule, never the value. */
    public static Optional<String> problem(String elementId, String name, Object value) {
        Map<String, Kind> outputs = of(elementId);
        Kind kind = outputs.get(name);
        if (kind == null) {
            return Optional.of(outputs.isEmpty()
                    ? "is not accepted: " + elementId + " takes no input"
                    : "is not an output of " + elementId + ", which accepts only " + String.join(", ", outputs.keySet()));
        }
        return kind.accepts(value) ? Optional.empty() : Optional.of("must be " + kind.description());
    }
}
