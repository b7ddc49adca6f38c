package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.disclosuredesk.order.OrderRepository;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bad input over HTTP, one kind per case: each gets its own status as {@code application/problem+json}, names the
 * offending fields by their JSON paths, never repeats a submitted value, and (checked after all cases) stores no
 * order and starts no process.
 */
@DisclosureDeskHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeValidationHttpTest {

    /** The configured limit is 1 MiB (application.yaml, disclosure-desk.api.max-body-bytes). */
    private static final int MAX_BODY_BYTES = 1024 * 1024;

    /** ISO-8601 text for dates, as in the spec's example. */
    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static final String BAD_PHONE = "0151 7654321";
    private static final String BAD_EMAIL = "cybercrime at sta.berlin";

    @Autowired TestRestTemplate http;
    @Autowired OrderRepository orders;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;

    private long ordersBefore;
    private long instancesBefore;
    private long historicInstancesBefore;

    @BeforeAll
    void countBefore() {
        ordersBefore = orders.count();
        instancesBefore = runtime.createProcessInstanceQuery().count();
        historicInstancesBefore = history.createHistoricProcessInstanceQuery().count();
    }

    @AfterAll
    void nothingWasStoredAndNoProcessStarted() {
        assertThat(orders.count()).as("orders").isEqualTo(ordersBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).as("running process instances").isEqualTo(instancesBefore);
        assertThat(history.createHistoricProcessInstanceQuery().count()).as("process instances in history")
                .isEqualTo(historicInstancesBefore);
    }

    /** One kind of bad input. {@code fields}: exactly the fields the errors list must name (none: no errors list). */
    record Case(String body, MediaType contentType, int status, String title, List<String> fields, List<String> notEchoed) {

        Case fields(String... names) {
            return new Case(body, contentType, status, title, List.of(names), notEchoed);
        }

        Case withStatus(int code, String expectedTitle) {
            return new Case(body, contentType, code, expectedTitle, fields, notEchoed);
        }

        Case notEchoing(String... values) {
            return new Case(body, contentType, status, title, fields, List.of(values));
        }
    }

    private static Case invalid(Consumer<ObjectNode> change) {
        ObjectNode order = validOrder();
        change.accept(order);
        return new Case(order.toString(), MediaType.APPLICATION_JSON, 400, null, List.of(), List.of());
    }

    private static Case raw(String body, int status, String title) {
        return new Case(body, MediaType.APPLICATION_JSON, status, title, List.of(), List.of());
    }

    static Stream<Arguments> badInput() {
        String validBody = validOrder().toString();
        String future = LocalDate.now().plusDays(3).toString();
        List<Arguments> cases = new ArrayList<>(List.of(
                // --- the body as a whole
                named("malformed JSON", raw("{\"reference\": ", 400, "Malformed JSON")),
                named("empty body", raw("", 400, "Malformed JSON")),
                named("JSON array instead of an object", raw("[" + validBody + "]", 400, "Malformed JSON")),
                named("JSON string instead of an object", raw("\"order\"", 400, "Malformed JSON")),
                named("something after the object", raw(validBody + " {}", 400, "Malformed JSON")),
                named("a field twice", raw(validBody.replaceFirst("\\{", "{\"offence\":\"FRAUD\","), 400, "Malformed JSON")
                        .fields("offence")),
                named("wrong content type (text/plain)", new Case(validBody, MediaType.TEXT_PLAIN, 415, "Unsupported media type",
                        List.of(), List.of())),
                named("wrong content type (application/xml)", new Case("<order/>", MediaType.APPLICATION_XML, 415,
                        "Unsupported media type", List.of(), List.of())),
                named("body over 1 MiB", invalid(o -> o.put("emergencyFacts", "x".repeat(MAX_BODY_BYTES)))
                        .withStatus(413, "Payload too large")),
                // --- fields that are not fields of an order
                named("unknown top-level field", invalid(o -> o.put("messages", true)).fields("messages")),
                named("unknown nested field", invalid(o -> obj(o, "authority").put("fax", "+4930123456")).fields("authority.fax")),
                named("unknown field in a target", invalid(o -> obj(o, "targets[0]").put("note", "x")).fields("targets[0].note")),
                named("name of a check sent as a field", invalid(o -> obj(o, "period").put("atMostOneYear", true))
                        .fields("period.atMostOneYear")),
                // --- required fields missing
                named("reference missing", invalid(o -> o.remove("reference")).fields("reference")),
                named("orderType missing", invalid(o -> o.remove("orderType")).fields("orderType")),
                named("authority missing", invalid(o -> o.remove("authority")).fields("authority")),
                named("authority.name missing", invalid(o -> obj(o, "authority").remove("name")).fields("authority.name")),
                named("authority.country missing", invalid(o -> obj(o, "authority").remove("country")).fields("authority.country")),
                named("issuer missing", invalid(o -> o.remove("issuer")).fields("issuer")),
                named("issuer.type missing", invalid(o -> obj(o, "issuer").remove("type")).fields("issuer.type")),
                named("issuer.name missing", invalid(o -> obj(o, "issuer").remove("name")).fields("issuer.name")),
                named("issuedOn missing", invalid(o -> o.remove("issuedOn")).fields("issuedOn")),
                named("offence missing", invalid(o -> o.remove("offence")).fields("offence")),
                named("suspectConfirmed missing", invalid(o -> o.remove("suspectConfirmed")).fields("suspectConfirmed")),
                named("emergency missing", invalid(o -> o.remove("emergency")).fields("emergency")),
                named("targets missing", invalid(o -> o.remove("targets")).fields("targets")),
                named("target type missing", invalid(o -> obj(o, "targets[1]").remove("type")).fields("targets[1].type")),
                named("target value missing", invalid(o -> obj(o, "targets[1]").remove("value")).fields("targets[1].value")),
                named("dataCategories missing", invalid(o -> o.remove("dataCategories")).fields("dataCategories")),
                named("period missing", invalid(o -> o.remove("period")).fields("period")),
                named("period.from missing", invalid(o -> obj(o, "period").remove("from")).fields("period.from")),
                named("period.to missing", invalid(o -> obj(o, "period").remove("to")).fields("period.to")),
                named("several fields missing at once", invalid(o -> o.remove(List.of("reference", "offence", "period")))
                        .fields("offence", "period", "reference")),
                // --- enums
                named("orderType unknown", invalid(o -> o.put("orderType", "WIRETAP")).fields("orderType").notEchoing("WIRETAP")),
                named("issuer.type unknown", invalid(o -> obj(o, "issuer").put("type", "SHERIFF")).fields("issuer.type")),
                named("offence unknown", invalid(o -> o.put("offence", "JAYWALKING")).fields("offence")),
                // (MESSAGE_CONTENT and CONTACTS are categories an order may name; the validity check refuses them)
                named("data category unknown", invalid(o -> arr(o, "dataCategories").add("BROWSING_HISTORY"))
                        .fields("dataCategories[2]")),
                named("data category null", invalid(o -> arr(o, "dataCategories").addNull()).fields("dataCategories")),
                named("target type unknown", invalid(o -> obj(o, "targets[0]").put("type", "EMAIL")).fields("targets[0].type")),
                named("enum in lower case", invalid(o -> o.put("orderType", "court_order")).fields("orderType")),
                named("enum as a number", invalid(o -> o.put("orderType", 0)).fields("orderType")),
                // --- authority
                named("country written out", invalid(o -> obj(o, "authority").put("country", "Germany")).fields("authority.country")),
                named("country in lower case", invalid(o -> obj(o, "authority").put("country", "de")).fields("authority.country")),
                named("country alpha-3", invalid(o -> obj(o, "authority").put("country", "DEU")).fields("authority.country")),
                named("country not assigned", invalid(o -> obj(o, "authority").put("country", "XX")).fields("authority.country")),
                named("email malformed", invalid(o -> obj(o, "authority").put("contactEmail", BAD_EMAIL))
                        .fields("authority.contactEmail").notEchoing(BAD_EMAIL)),
                named("email too long", invalid(o -> obj(o, "authority").put("contactEmail",
                        "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".de"))
                        .fields("authority.contactEmail")),
                named("authority name too long", invalid(o -> obj(o, "authority").put("name", "A".repeat(201))).fields("authority.name")),
                named("issuer name blank", invalid(o -> obj(o, "issuer").put("name", "  ")).fields("issuer.name")),
                named("issuer name with a line break", invalid(o -> obj(o, "issuer").put("name", "Amtsgericht\nTiergarten"))
                        .fields("issuer.name")),
                // --- targets
                named("phone not E.164", invalid(o -> obj(o, "targets[1]").put("type", "PHONE").put("value", BAD_PHONE))
                        .fields("targets[1].value").notEchoing(BAD_PHONE, "7654321")),
                named("username without @", invalid(o -> obj(o, "targets[0]").put("value", "demo_user_77"))
                        .fields("targets[0].value").notEchoing("demo_user_77")),
                named("username too short", invalid(o -> obj(o, "targets[0]").put("value", "@abc")).fields("targets[0].value")),
                named("account id not digits", invalid(o -> obj(o, "targets[1]").put("value", "acc-4711"))
                        .fields("targets[1].value").notEchoing("acc-4711")),
                named("username given as PHONE", invalid(o -> obj(o, "targets[0]").put("type", "PHONE"))
                        .fields("targets[0].value").notEchoing("@demo0001")),
                named("phone number given as ACCOUNT_ID", invalid(o -> obj(o, "targets[1]").put("value", "+4917012345678"))
                        .fields("targets[1].value").notEchoing("+4917012345678")),
                named("no targets", invalid(o -> arr(o, "targets").removeAll()).fields("targets")),
                named("101 targets", invalid(o -> {
                    ArrayNode targets = arr(o, "targets").removeAll();
                    for (int i = 1; i <= 101; i++) {
                        targets.addObject().put("type", "ACCOUNT_ID").put("value", Integer.toString(100_000 + i));
                    }
                }).fields("targets")),
                named("same target twice", invalid(o -> arr(o, "targets").addObject().put("type", "USERNAME").put("value", "@demo0001"))
                        .fields("targets[2]").notEchoing("@demo0001")),
                named("same username in another case", invalid(o -> arr(o, "targets").addObject().put("type", "USERNAME")
                        .put("value", "@DEMO0001")).fields("targets[2]").notEchoing("@DEMO0001")),
                named("null as a target", invalid(o -> arr(o, "targets").addNull()).fields("targets[2]")),
                // --- dates and the period
                named("period longer than one year", invalid(o -> obj(o, "period").put("from", "2025-01-01T00:00:00Z")
                        .put("to", "2026-06-01T00:00:00Z")).fields("period")),
                named("period reversed", invalid(o -> obj(o, "period").put("from", "2026-06-01T00:00:00Z")
                        .put("to", "2026-05-01T00:00:00Z")).fields("period")),
                named("validUntil before issuedOn", invalid(o -> o.put("validUntil", LocalDate.now().minusDays(30).toString()))
                        .fields("validUntil")),
                named("nonDisclosureUntil before issuedOn", invalid(o -> o.put("nonDisclosureUntil",
                        LocalDate.now().minusDays(30).toString())).fields("nonDisclosureUntil")),
                named("issuedOn in the future", invalid(o -> o.put("issuedOn", future)).fields("issuedOn")),
                named("issuedOn not a date", invalid(o -> o.put("issuedOn", "20.11.2026")).fields("issuedOn")),
                named("issuedOn an impossible date", invalid(o -> o.put("issuedOn", "2026-02-30")).fields("issuedOn")),
                named("period.from not an instant", invalid(o -> obj(o, "period").put("from", "yesterday")).fields("period.from")),
                // --- emergency, digest, texts
                named("emergency without facts", invalid(o -> o.put("emergency", true).putNull("emergencyFacts"))
                        .fields("emergencyFacts")),
                named("emergencyFacts too long", invalid(o -> o.put("emergency", true).put("emergencyFacts", "x".repeat(4001)))
                        .fields("emergencyFacts")),
                named("SHA-256 too short", invalid(o -> o.put("documentSha256", Orders.DOCUMENT_SHA256.substring(1)))
                        .fields("documentSha256")),
                named("SHA-256 not hex", invalid(o -> o.put("documentSha256", "z".repeat(64))).fields("documentSha256")),
                named("reference too long", invalid(o -> o.put("reference", "AZ-" + "1".repeat(98))).fields("reference")),
                named("reference with markup", invalid(o -> o.put("reference", "AZ-<script>alert(1)</script>"))
                        .fields("reference").notEchoing("<script>", "alert(1)")),
                named("reference blank", invalid(o -> o.put("reference", "   ")).fields("reference")),
                // --- JSON types
                named("number for a string", invalid(o -> o.put("reference", 4711)).fields("reference")),
                named("boolean for a string", invalid(o -> obj(o, "issuer").put("name", true)).fields("issuer.name")),
                named("string for a boolean", invalid(o -> o.put("emergency", "false")).fields("emergency")),
                named("number for a boolean", invalid(o -> o.put("suspectConfirmed", 1)).fields("suspectConfirmed")),
                named("null for a required object", invalid(o -> o.putNull("authority")).fields("authority")),
                named("null for a required boolean", invalid(o -> o.putNull("suspectConfirmed")).fields("suspectConfirmed")),
                named("string for an object", invalid(o -> o.put("issuer", "Amtsgericht Tiergarten")).fields("issuer")),
                named("object for a list", invalid(o -> o.set("targets", obj(o, "targets[0]"))).fields("targets")),
                named("string for a list", invalid(o -> o.put("dataCategories", "IP_ADDRESS")).fields("dataCategories")),
                named("object for a string", invalid(o -> o.set("reference", JsonNodeFactory.instance.objectNode().put("id", 1)))
                        .fields("reference"))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badInputIsAProblemNamingItsFields(Case bad) throws Exception {
        HttpHeaders headers = auth("police-de");
        headers.setContentType(bad.contentType());
        ResponseEntity<String> response = http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(bad.body(), headers),
                String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(bad.status());
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .as("content type %s", response.getHeaders().getContentType()).isTrue();
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(bad.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (bad.title() != null) {
            assertThat(problem.get("title").asText()).isEqualTo(bad.title());
        }
        if (bad.fields().isEmpty()) {
            assertThat(problem.has("errors")).as("errors in %s", problem).isFalse();
        } else {
            assertThat(problem.get("errors").findValuesAsText("field").stream().distinct().toList()).as(problem.toString())
                    .containsExactlyInAnyOrderElementsOf(bad.fields());
            assertThat(problem.get("errors").findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
        }
        for (String value : bad.notEchoed()) {
            assertThat(response.getBody()).as("the response repeats a submitted value").doesNotContain(value);
        }
    }

    @Test
    void everyProblemIsNamedAtOnce() throws Exception {
        ObjectNode order = validOrder();
        order.put("reference", "");
        obj(order, "authority").put("country", "Germany");
        obj(order, "targets[1]").put("type", "PHONE").put("value", BAD_PHONE);
        obj(order, "period").put("from", "2024-01-01T00:00:00Z");
        order.put("emergency", true);
        order.put("documentSha256", "abc");

        HttpHeaders headers = auth("police-de");
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.exchange("/api/orders", HttpMethod.POST, new HttpEntity<>(order.toString(), headers),
                String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = JSON.readTree(response.getBody());
        assertThat(problem.get("type").asText()).endsWith("/invalid-order");
        assertThat(problem.get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "authority.country", "documentSha256", "emergencyFacts", "period", "reference", "reference", "targets[1].value");
        assertThat(problem.get("detail").asText()).contains("authority.country", "targets[1].value");
        assertThat(response.getBody()).doesNotContain(BAD_PHONE).doesNotContain("7654321").doesNotContain("Germany");
    }

    // --- helpers -------------------------------------------------------------------------------

    /** The valid order of the other HTTP tests, with ISO-8601 dates, as a changeable tree. */
    private static ObjectNode validOrder() {
        return JSON.valueToTree(Orders.valid("AZ-BAD-" + System.nanoTime()));
    }

    private static Arguments named(String name, Case bad) {
        return Arguments.of(org.junit.jupiter.api.Named.of(name, bad));
    }

    /** The object at a path such as {@code authority} or {@code targets[1]}. */
    private static ObjectNode obj(ObjectNode order, String path) {
        return (ObjectNode) node(order, path);
    }

    private static ArrayNode arr(ObjectNode order, String path) {
        return (ArrayNode) node(order, path);
    }

    private static JsonNode node(ObjectNode order, String path) {
        JsonNode node = order;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            node = node.get(bracket < 0 ? part : part.substring(0, bracket));
            if (bracket >= 0) {
                node = node.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
            }
        }
        return node;
    }

    private static HttpHeaders auth(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }
}
