package com.disclosuredesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Camunda Forms (form-js JSON in forms/) as the BPMN and the engine side rely on them:
 * form ids, the variables each form submits, and what the form-js bundled in Camunda 7.24 Tasklist
 * (1.8.7, schema version 16) can render.
 */
class CamundaFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Component types of form-js 1.8.7, the version bundled in Camunda 7.24 Tasklist. */
    private static final Set<String> SUPPORTED_TYPES = Set.of(
            "textfield", "textarea", "number", "datetime", "checkbox", "checklist", "radio", "select",
            "taglist", "text", "html", "image", "spacer", "separator", "group", "dynamiclist", "iframe",
            "table", "expression", "button");

    @ParameterizedTest
    @CsvSource({
        "legal-analysis,    analysisDecision approvedCategories informationRequested legalReasoning",
        "approval,          approvalDecision approvalComment",
        "verify-requester,  requesterVerified verificationNote registerAuthority registerContactDomain registerKnownContact",
        "emergency-approval, emergencyApproval approvedCategories approvalComment",
        "analysis-after-disclosure, analysisDecision legalReasoning",
        "start-legal-order, orderReference orderType documentSha256 authorityName authorityCountry "
                + "authorityContactEmail issuerType issuerName issuedOn validUntil offence suspectConfirmed "
                + "emergency emergencyFacts targetList dataCategories periodFrom periodTo nonDisclosureUntil",
    })
    void formHasItsIdTheBundledSchemaAndOnlyTheExpectedInputs(String id, String keys) throws IOException {
        JsonNode form = load(id);

        assertThat(form.path("id").asText()).isEqualTo(id);
        assertThat(form.path("type").asText()).isEqualTo("default");
        assertThat(form.path("schemaVersion").asInt()).isEqualTo(16);
        assertThat(form.path("executionPlatform").asText()).isEqualTo("Camunda Platform");
        assertThat(form.path("executionPlatformVersion").asText()).isEqualTo("7.24.0");

        List<JsonNode> components = new ArrayList<>();
        collect(form.path("components"), components);
        Set<String> ids = new HashSet<>();
        List<String> inputKeys = new ArrayList<>();
        for (JsonNode c : components) {
            assertThat(ids.add(c.path("id").asText())).as("unique component id %s", c.path("id")).isTrue();
            assertThat(SUPPORTED_TYPES).contains(c.path("type").asText());
            assertThat(c.path("disabled").asBoolean(false)).as("no disabled fields").isFalse();
            assertThat(c.has("readonly")).as("no readonly fields: form-js submits them").isFalse();
            assertThat(c.has("path")).as("no nested data paths").isFalse();
            if (c.has("key")) {
                inputKeys.add(c.path("key").asText());
            }
        }
        assertThat(ids).doesNotContain(id);
        assertThat(inputKeys).containsExactlyInAnyOrder(keys.trim().split("\\s+"));
    }

    @Test
    void analysisAsksForTheContractValues() throws IOException {
        JsonNode form = load("legal-analysis");
        assertThat(values(field(form, "analysisDecision"))).containsExactly("DISCLOSE", "REJECT", "NEED_INFO");
        assertThat(values(field(form, "approvedCategories"))).containsExactly("IP_ADDRESS", "PHONE_NUMBER");
        JsonNode reasoning = field(form, "legalReasoning").path("validate");
        assertThat(reasoning.path("required").asBoolean()).isTrue();
        assertThat(reasoning.path("minLength").asInt()).isEqualTo(20);
        assertThat(reasoning.path("maxLength").asInt()).isEqualTo(10000);
    }

    @Test
    void approvalAsksForTheContractValues() throws IOException {
        JsonNode form = load("approval");
        assertThat(values(field(form, "approvalDecision"))).containsExactly("APPROVE", "RETURN", "REJECT");
        assertThat(field(form, "approvalComment").path("validate").path("required").asBoolean()).isTrue();
    }

    @Test
    void startFormOffersTheDomainValues() throws IOException {
        JsonNode form = load("start-legal-order");
        assertThat(values(field(form, "orderType"))).containsExactly(names(com.disclosuredesk.order.OrderType.values()));
        assertThat(values(field(form, "issuerType"))).containsExactly(names(com.disclosuredesk.order.IssuerType.values()));
        assertThat(values(field(form, "offence"))).containsExactly(names(com.disclosuredesk.order.Offence.values()));
        assertThat(values(field(form, "dataCategories")))
                .containsExactly(names(com.disclosuredesk.order.DataCategory.values()));

        Pattern targets = Pattern.compile(field(form, "targetList").path("validate").path("pattern").asText());
        assertThat(targets.matcher("@example_user\n+4915112345678\r\n10000042\n").matches()).isTrue();
        assertThat(targets.matcher("@example_user\nsomeone").matches()).isFalse();
        assertThat(targets.matcher("+49 151 1234").matches()).isFalse();
        Pattern sha = Pattern.compile(field(form, "documentSha256").path("validate").path("pattern").asText());
        assertThat(sha.matcher("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08").matches()).isTrue();
        assertThat(sha.matcher("9f86d081").matches()).isFalse();
    }

    private static JsonNode load(String id) throws IOException {
        try (InputStream in = CamundaFormsTest.class.getResourceAsStream("/" + id + ".form")) {
            assertThat(in).as("form %s.form on the classpath", id).isNotNull();
            return JSON.readTree(in);
        }
    }

    private static void collect(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            collect(c.path("components"), into);
        }
    }

    private static JsonNode field(JsonNode form, String key) {
        List<JsonNode> all = new ArrayList<>();
        collect(form.path("components"), all);
        return all.stream().filter(c -> key.equals(c.path("key").asText())).findFirst().orElseThrow();
    }

    private static List<String> values(JsonNode field) {
        List<String> values = new ArrayList<>();
        field.path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }

    private static String[] names(Enum<?>[] constants) {
        String[] names = new String[constants.length];
        for (int i = 0; i < constants.length; i++) {
            names[i] = constants[i].name();
        }
        return names;
    }
}
