package com.disclosuredesk.misuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.disclosuredesk.moderation.ContentReportProcess;
import com.disclosuredesk.moderation.ModerationTaskOutputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The lead's form of Task_DecideSuspension (forms/decide-suspension.form) as the engine's guard and the listener rely on
 * it: the Camunda Forms schema Tasklist 7.24 renders, the basis shown, and exactly the task's three outputs submitted.
 */
class DecideSuspensionFormTest {

    private static final Set<String> SUPPORTED_TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist", "text", "html", "image", "spacer", "separator", "group", "dynamiclist",
            "iframe", "table", "expression", "button");

    @Test
    void theFormSubmitsExactlyTheTasksOutputsAndShowsTheBasis() throws IOException {
        JsonNode form = load();
        assertThat(form.path("id").asText()).isEqualTo("decide-suspension");
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");

        List<JsonNode> components = new ArrayList<>();
        collect(form.path("components"), components);
        Set<String> ids = new HashSet<>();
        List<String> keys = new ArrayList<>();
        StringBuilder html = new StringBuilder();
        for (JsonNode c : components) {
            assertThat(ids.add(c.path("id").asText())).isTrue();
            assertThat(SUPPORTED_TYPES).contains(c.path("type").asText());
            assertThat(c.has("readonly") || c.path("disabled").asBoolean(false)).isFalse();
            if (c.has("key")) {
                keys.add(c.path("key").asText());
            }
            if ("html".equals(c.path("type").asText())) {
                html.append(c.path("content").asText());
            }
        }
        assertThat(keys).containsExactlyInAnyOrderElementsOf(
                ModerationTaskOutputs.of(ContentReportProcess.TASK_DECIDE_SUSPENSION).keySet());
        assertThat(html.toString()).contains("misuseBasis", "partyKind", "misuseMeasureId", "suspensionMinDays",
                "suspensionMaxDays", "Art. 23(3)");

        JsonNode decision = field(components, "suspensionDecision");
        List<String> values = new ArrayList<>();
        decision.path("values").forEach(v -> values.add(v.path("value").asText()));
        assertThat(values).containsExactly("SUSPEND", "DECLINE");
        JsonNode reasoning = field(components, "suspensionReasoning").path("validate");
        assertThat(reasoning.path("required").asBoolean()).isTrue();
        assertThat(reasoning.path("minLength").asInt()).isEqualTo(MisusePolicy.MINIMUM_REASONING);
        JsonNode days = field(components, "suspensionDays");
        assertThat(days.path("conditional").path("hide").asText()).contains("SUSPEND");
        Pattern whole = Pattern.compile(days.path("validate").path("pattern").asText());
        assertThat(whole.matcher("30").matches()).isTrue();
        assertThat(whole.matcher("7.5").matches()).isFalse();
        assertThat(whole.matcher("-7").matches()).isFalse();
    }

    @Test
    void theModelUsesTheFormAndTheLeadsGroup() throws IOException {
        try (InputStream in = DecideSuspensionFormTest.class.getResourceAsStream("/misuse-review.bpmn")) {
            UserTask task = Bpmn.readModelFromStream(in).getModelElementById(ContentReportProcess.TASK_DECIDE_SUSPENSION);
            assertThat(task.getCamundaFormRef()).isEqualTo("decide-suspension");
            assertThat(task.getCamundaCandidateGroups()).isEqualTo(ContentReportProcess.GROUP_MODERATION_LEADS);
        }
    }

    private static JsonNode load() throws IOException {
        try (InputStream in = DecideSuspensionFormTest.class.getResourceAsStream("/decide-suspension.form")) {
            assertThat(in).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
        }
    }

    private static JsonNode field(List<JsonNode> components, String key) {
        return components.stream().filter(c -> key.equals(c.path("key").asText())).findFirst().orElseThrow();
    }
}
