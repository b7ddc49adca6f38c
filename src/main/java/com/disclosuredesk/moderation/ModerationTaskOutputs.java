package com.disclosuredesk.moderation;

import java.util.Map;
import java.util.Optional;

import com.disclosuredesk.process.TaskOutputs;
import com.disclosuredesk.process.TaskOutputs.Kind;

/**
 * What each user task of {@code content-report} and {@code misuse-review} accepts from the person who works on it:
 * its own outputs (the contract of PRODUCT.md "Part two"), by name and type, and nothing else. The engine's guard
 * ({@code engine.EngineCommandGuard}) refuses every other variable on every route, as for legal orders; each task's
 * listener checks the values and records the decision in the application's tables from the signed-in user.
 */
public final class ModerationTaskOutputs {

    private static final Map<String, Map<String, Kind>> OUTPUTS = Map.of(
            ContentReportProcess.TASK_REVIEW_CONTENT, TaskOutputs.ordered(
                    ContentReportVariables.MODERATION_DECISION, Kind.TEXT,
                    ContentReportVariables.DECISION_GROUND, Kind.TEXT,
                    ContentReportVariables.GROUND_REFERENCE, Kind.TEXT,
                    ContentReportVariables.DECISION_EXPLANATION, Kind.TEXT,
                    ContentReportVariables.THREAT_TO_LIFE, Kind.BOOLEAN),
            ContentReportProcess.TASK_REVIEW_COMPLAINT, TaskOutputs.ordered(
                    ContentReportVariables.COMPLAINT_DECISION, Kind.TEXT,
                    ContentReportVariables.COMPLAINT_REASONING, Kind.TEXT),
            ContentReportProcess.TASK_DECIDE_SUSPENSION, TaskOutputs.ordered(
                    ContentReportVariables.SUSPENSION_DECISION, Kind.TEXT,
                    ContentReportVariables.SUSPENSION_DAYS, Kind.NUMBER,
                    ContentReportVariables.SUSPENSION_REASONING, Kind.TEXT));

    private ModerationTaskOutputs() {}

    /** The outputs of a user task of content-report or misuse-review, by its BPMN id; empty: it accepts nothing. */
    public static Map<String, Kind> of(String elementId) {
        return OUTPUTS.getOrDefault(elementId, Map.of());
    }

    public static Map<String, Map<String, Kind>> all() {
        return OUTPUTS;
    }

    /** Why {@code name} with {@code value} is refused on {@code elementId}, or empty; names the rule, never the value. */
    public static Optional<String> problem(String elementId, String name, Object value) {
        return TaskOutputs.problem(of(elementId), elementId, name, value);
    }
}
