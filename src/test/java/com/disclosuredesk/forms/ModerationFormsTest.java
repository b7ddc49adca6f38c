package com.disclosuredesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.disclosuredesk.moderation.ContentReportProcess;
import com.disclosuredesk.moderation.ModerationTaskOutputs;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Camunda Forms of content-report (forms/review-content.form, forms/review-complaint.form), as the engine's guard
 * and the application rely on them: the bundled schema, exactly the task's outputs as inputs (the guard refuses any
 * other variable), the contract's values, and the evidence shown as images by the application with media blurred and
 * greyscale until the moderator opens "Show media".
 */
class ModerationFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SUPPORTED_TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
            "checklist", "radio", "select", "taglist", "text", "html", "image", "spacer", "separator", "group",
            "dynamiclist", "iframe", "table", "expression", "button");

    @ParameterizedTest
    @CsvSource({"review-content, Task_ReviewContent", "review-complaint, Task_ReviewComplaint"})
    void formSubmitsExactlyTheTasksOutputs(String id, String task) throws IOException {
        JsonNode form = load(id);
        assertThat(form.path("id").asText()).isEqualTo(id);
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");
        List<JsonNode> components = all(form);
        Set<String> ids = new HashSet<>();
        List<String> keys = new ArrayList<>();
        for (JsonNode c : components) {
            assertThat(ids.add(c.path("id").asText())).as("unique id %s", c.path("id")).isTrue();
            assertThat(SUPPORTED_TYPES).contains(c.path("type").asText());
            assertThat(c.has("readonly")).as("no readonly fields: form-js submits them").isFalse();
            assertThat(c.path("disabled").asBoolean(false)).isFalse();
            assertThat(c.has("path")).isFalse();
            if (c.has("key")) {
                keys.add(c.path("key").asText());
            }
        }
        assertThat(keys).containsExactlyInAnyOrderElementsOf(ModerationTaskOutputs.of(task).keySet());
    }

    @Test
    void reviewAsksForTheContractValuesAndHidesTheGroundForNoAction() throws IOException {
        JsonNode form = load("review-content");
        assertThat(values(field(form, "moderationDecision"))).containsExactly("REMOVE", "RESTRICT", "NO_ACTION");
        assertThat(values(field(form, "decisionGround"))).containsExactly("ILLEGAL_CONTENT", "INCOMPATIBLE_CONTENT");
        assertThat(field(form, "decisionGround").path("conditional").path("hide").asText()).contains("REMOVE", "RESTRICT");
        assertThat(field(form, "groundReference").path("conditional").path("hide").asText()).contains("REMOVE", "RESTRICT");
        assertThat(field(form, "decisionExplanation").path("validate").path("minLength").asInt()).isEqualTo(20);
        assertThat(field(form, "threatToLife").path("type").asText()).isEqualTo("checkbox");
    }

    @Test
    void evidenceIsShownAsImagesAndMediaIsBlurredUntilRevealed() throws IOException {
        String html = htmlOf(load("review-content"));
        assertThat(html).contains("{{#loop notices}}")
                .contains("<img class=\"dd-evidence-text\"")
                .contains("src=\"/moderation/cases/{{caseNumber}}/notices/{{id}}/evidence.svg\"")
                // by default the server's blurred, greyscale copy, blurred once more by the browser
                .contains("<img class=\"dd-media-blurred\"")
                .contains("src=\"/moderation/cases/{{caseNumber}}/notices/{{id}}/media?view=blurred\"")
                .contains("img.dd-media-blurred{filter:blur(6px) grayscale(1);}")
                .contains("details.dd-reveal[open] + img.dd-media-blurred{display:none;}")
                .contains("{{#loop accountDecisions}}");
        // the picture as captured is inside the closed reveal, loaded lazily: the browser fetches it only when shown
        int reveal = html.indexOf("<details class=\"dd-reveal\"><summary>Show media</summary>");
        int clear = html.indexOf("<img class=\"dd-media\" loading=\"lazy\"");
        assertThat(reveal).isPositive().isLessThan(clear);
        assertThat(clear).isLessThan(html.indexOf("</details>", reveal));
        assertThat(html.substring(clear)).startsWith("<img class=\"dd-media\" loading=\"lazy\" alt=\"Media captured with the notice\" "
                + "src=\"/moderation/cases/{{caseNumber}}/notices/{{id}}/media\"");
        // the blurred copy follows the reveal directly (the CSS rule hides it while the reveal is open)
        assertThat(html.indexOf("<img class=\"dd-media-blurred\"")).isEqualTo(html.indexOf("</details>", reveal) + "</details>".length());
        // no personal data reaches the form through variables: no notifier, email or evidence text fields
        assertThat(html).doesNotContain("notifierName").doesNotContain("email}}").doesNotContain("evidenceText");
    }

    @Test
    void complaintFormShowsTheDecisionWhoComplainedAndTheTextAsAnImage() throws IOException {
        JsonNode form = load("review-complaint");
        assertThat(values(field(form, "complaintDecision"))).containsExactly("UPHOLD", "REVERSE");
        JsonNode reasoning = field(form, "complaintReasoning").path("validate");
        assertThat(reasoning.path("required").asBoolean()).isTrue();
        assertThat(reasoning.path("minLength").asInt()).isEqualTo(20);
        assertThat(htmlOf(form)).contains("src=\"/moderation/cases/{{caseNumber}}/complaints/{{complaintId}}/text.svg\"")
                .contains("complainedDecision.decision").contains("complainant = \"UPLOADER\"");
    }

    @Test
    void theModelUsesTheseForms() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/content-report.bpmn")) {
            String bpmn = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(bpmn).contains("camunda:formRef=\"review-content\"").contains("camunda:formRef=\"review-complaint\"");
            assertThat(ContentReportProcess.TASK_REVIEW_CONTENT).isEqualTo("Task_ReviewContent");
        }
    }

    private static String htmlOf(JsonNode form) {
        StringBuilder html = new StringBuilder();
        all(form).stream().filter(c -> "html".equals(c.path("type").asText()))
                .forEach(c -> html.append(c.path("content").asText()));
        return html.toString();
    }

    private static JsonNode load(String id) throws IOException {
        try (InputStream in = ModerationFormsTest.class.getResourceAsStream("/" + id + ".form")) {
            assertThat(in).as("form %s.form on the classpath", id).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static List<JsonNode> all(JsonNode form) {
        List<JsonNode> into = new ArrayList<>();
        collect(form.path("components"), into);
        return into;
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
        }
    }

    private static JsonNode field(JsonNode form, String key) {
        return all(form).stream().filter(c -> key.equals(c.path("key").asText())).findFirst().orElseThrow();
    }

    private static List<String> values(JsonNode field) {
        List<String> values = new ArrayList<>();
        field.path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }
}
