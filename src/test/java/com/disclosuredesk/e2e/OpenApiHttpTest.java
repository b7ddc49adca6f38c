package com.disclosuredesk.e2e;

import com.disclosuredesk.support.DisclosureDeskHttpTest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The OpenAPI document and Swagger UI: public, the application's API only, with examples of every answer. */
@DisclosureDeskHttpTest
class OpenApiHttpTest {

    private final ObjectMapper json = new ObjectMapper();

    @Autowired TestRestTemplate http;

    @Test
    void theOpenApiDocumentIsServedWithoutSignIn() throws Exception {
        ResponseEntity<String> response = http.getForEntity("/v3/api-docs", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode docs = json.readTree(response.getBody());
        assertThat(docs.get("openapi").asText()).startsWith("3.");
        assertThat(docs.at("/info/title").asText()).isEqualTo("Disclosure Desk API");
        assertThat(docs.at("/info/version").asText()).isNotBlank();
        assertThat(docs.at("/info/description").asText()).contains("problem+json");
    }

    @Test
    void itDescribesTheApplicationsApiOnly() throws Exception {
        JsonNode docs = docs();
        List<String> paths = new ArrayList<>();
        docs.get("paths").fieldNames().forEachRemaining(paths::add);

        assertThat(paths).contains("/api/orders", "/api/orders/{trackingNumber}", "/api/transparency/ledger/verification");
        assertThat(paths).allSatisfy(path -> assertThat(path).startsWith("/api/"));
        // nothing of the engine REST API (Jersey, its DTOs end with Dto)
        List<String> schemas = new ArrayList<>();
        docs.get("components").get("schemas").fieldNames().forEachRemaining(schemas::add);
        assertThat(schemas).contains("OrderSubmission", "Problem").noneMatch(name -> name.endsWith("Dto"));
    }

    @Test
    void intakeEndpointsUseHttpBasicAndThePublicOnesDoNot() throws Exception {
        JsonNode docs = docs();

        JsonNode scheme = docs.at("/components/securitySchemes/basicAuth");
        assertThat(scheme.get("type").asText()).isEqualTo("http");
        assertThat(scheme.get("scheme").asText()).isEqualTo("basic");
        assertThat(docs.at("/paths/~1api~1orders/post/security").findValuesAsText("basicAuth")).isNotNull();
        assertThat(docs.at("/paths/~1api~1orders/post/security/0").has("basicAuth")).isTrue();
        assertThat(docs.at("/paths/~1api~1orders~1{trackingNumber}/get/security/0").has("basicAuth")).isTrue();
        assertThat(docs.at("/paths/~1api~1transparency~1ledger~1verification/get").has("security")).isFalse();
        assertThat(docs.at("/paths/~1api~1authorities/post/security/0").has("basicAuth")).isTrue();
        assertThat(docs.at("/paths/~1api~1user-notifications/get/security/0").has("basicAuth")).isTrue();
    }

    @Test
    void submittingAnOrderHasExamplesOfTheRequestAndOfEveryAnswer() throws Exception {
        JsonNode submit = docs().at("/paths/~1api~1orders/post");

        assertThat(submit.at("/requestBody/content/application~1json/examples").has("courtOrder")).isTrue();
        assertThat(submit.at("/requestBody/content/application~1json/examples").has("emergencyRequest")).isTrue();
        assertThat(example(submit, "201", "application/json", "created").get("trackingNumber").asText()).matches("LO-\\d{4}-\\d{6}");
        assertThat(example(submit, "200", "application/json", "resubmitted").get("trackingNumber").asText())
                .isEqualTo(example(submit, "201", "application/json", "created").get("trackingNumber").asText());
        assertThat(example(submit, "400", "application/problem+json", "invalidOrder").get("errors").findValuesAsText("field"))
                .contains("authority.country", "period", "targets[1].value");
        assertThat(example(submit, "400", "application/problem+json", "malformedJson").get("status").asInt()).isEqualTo(400);
        assertThat(example(submit, "400", "application/problem+json", "unknownField").get("status").asInt()).isEqualTo(400);
        assertThat(example(submit, "409", "application/problem+json", "referenceConflict").get("status").asInt()).isEqualTo(409);
        assertThat(example(submit, "413", "application/problem+json", "payloadTooLarge").get("detail").asText())
                .contains("1048576 bytes");
        assertThat(example(submit, "415", "application/problem+json", "unsupportedMediaType").get("status").asInt()).isEqualTo(415);
        assertThat(example(submit, "401", "application/problem+json", "unauthorized").get("status").asInt()).isEqualTo(401);
        assertThat(submit.at("/responses/201/headers").has("Location")).isTrue();
        assertThat(docs().at("/components/schemas/Problem/properties").has("errors")).isTrue();

        JsonNode status = docs().at("/paths/~1api~1orders~1{trackingNumber}/get");
        assertThat(example(status, "404", "application/problem+json", "notFound").get("status").asInt()).isEqualTo(404);
        assertThat(example(status, "401", "application/problem+json", "unauthorized").get("status").asInt()).isEqualTo(401);
    }

    @Test
    void everyErrorAnswerIsAProblemAndEveryBodyHasItsLimit() throws Exception {
        JsonNode paths = docs().get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            operation.getValue().get("responses").fields().forEachRemaining(answer -> {
                if (answer.getKey().startsWith("4") || answer.getKey().startsWith("5")) {
                    assertThat(answer.getValue().at("/content/application~1problem+json/schema/$ref").asText())
                            .as("%s answers %s", name, answer.getKey()).isEqualTo("#/components/schemas/Problem");
                }
            });
            if (operation.getValue().has("requestBody")) {
                assertThat(operation.getValue().at("/responses/413/description").asText()).as(name).contains("1048576 bytes");
            }
        }));
    }

    @Test
    void theDocumentedExampleOrdersAreAcceptedByTheApi() throws Exception {
        JsonNode examples = docs().at("/paths/~1api~1orders/post/requestBody/content/application~1json/examples");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString("police-de:police-de".getBytes(StandardCharsets.UTF_8)));

        for (String name : List.of("courtOrder", "emergencyRequest")) {
            JsonNode example = examples.at("/" + name + "/value");
            ResponseEntity<String> submitted = http.exchange("/api/orders", HttpMethod.POST,
                    new HttpEntity<>(example.toString(), headers), String.class);

            assertThat(submitted.getStatusCode().value()).as(name + ": " + submitted.getBody()).isIn(200, 201);
            assertThat(json.readTree(submitted.getBody()).get("reference").asText()).isEqualTo(example.get("reference").asText());
        }
    }

    @Test
    void swaggerUiIsServedWithoutSignIn() {
        ResponseEntity<String> page = http.getForEntity("/swagger-ui/index.html", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("swagger-ui");

        ResponseEntity<String> entry = http.getForEntity("/swagger-ui.html", String.class);
        assertThat(entry.getStatusCode().is2xxSuccessful() || entry.getStatusCode().is3xxRedirection()).as(entry.getStatusCode().toString())
                .isTrue();
        if (entry.getStatusCode().is3xxRedirection()) {
            assertThat(entry.getHeaders().getLocation()).hasPath("/swagger-ui/index.html");
        }

        ResponseEntity<String> config = http.getForEntity("/v3/api-docs/swagger-config", String.class);
        assertThat(config.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(config.getBody()).contains("/v3/api-docs");
    }

    // --- helpers -------------------------------------------------------------------------------

    private JsonNode docs() throws Exception {
        return json.readTree(response("/v3/api-docs").getBody());
    }

    private ResponseEntity<String> response(String path) {
        return http.getForEntity(path, String.class);
    }

    private static JsonNode example(JsonNode operation, String status, String mediaType, String name) {
        JsonNode value = operation.at("/responses/" + status + "/content/" + mediaType.replace("/", "~1") + "/examples/" + name + "/value");
        assertThat(value.isMissingNode()).as("example %s of %s %s", name, status, mediaType).isFalse();
        return value;
    }
}
