package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.verification.AuthorityRegistry;
import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The registry of known authorities over HTTP: legal staff and administrators only, strict input, re-verification. */
@DisclosureDeskHttpTest
class AuthorityRegistryHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired AuthorityRegistry registry;

    @Test
    void legalStaffSeeTheDemoAuthorities() {
        for (String user : new String[] {"analyst", "approver", "admin"}) {
            ResponseEntity<JsonNode> list = exchange(HttpMethod.GET, "/api/authorities", null, user);
            assertThat(list.getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(list.getBody().findValuesAsText("name"))
                    .contains("Staatsanwaltschaft Berlin", "Polizei Berlin", "U.S. District Court for the Northern District of California");
        }
        JsonNode sta = find(exchange(HttpMethod.GET, "/api/authorities", null, "analyst").getBody(), "Staatsanwaltschaft Berlin");
        assertThat(sta.get("country").asText()).isEqualTo("DE");
        assertThat(sta.get("contactDomain").asText()).isEqualTo("sta.berlin.example");
        assertThat(sta.get("knownContact").asText()).isEqualTo("+49 30 9014-0 (switchboard), cybercrime desk");
        assertThat(sta.get("verifiedBy").asText()).isEqualTo("demo-setup");
        assertThat(Instant.parse(sta.get("verifiedAt").asText())).isBefore(Instant.now().plusSeconds(1));
        // the README's example order is recognized
        assertThat(registry.check("DE", "Staatsanwaltschaft Berlin", "cybercrime@sta.berlin.example").recognized()).isTrue();
    }

    @Test
    void intakeSystemsAndStrangersMayNotReadOrRegister() {
        String body = registration("Forbidden " + System.nanoTime());
        for (String user : new String[] {"police-de", "court-us"}) {
            ResponseEntity<JsonNode> read = exchange(HttpMethod.GET, "/api/authorities", null, user);
            assertThat(read.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(read.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
            assertThat(exchange(HttpMethod.POST, "/api/authorities", body, user).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/authorities", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(registry.list()).noneMatch(a -> a.name().startsWith("Forbidden "));
    }

    @Test
    void anAnalystRegistersAnAuthorityAndAnApproverReVerifiesIt() {
        String name = "Parquet de Paris " + System.nanoTime();
        Instant before = Instant.now().minusSeconds(1);

        ResponseEntity<JsonNode> created = exchange(HttpMethod.POST, "/api/authorities", registration(name), "analyst");

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode authority = created.getBody();
        long id = authority.get("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/authorities/" + id);
        assertThat(authority.get("country").asText()).isEqualTo("FR");
        assertThat(authority.get("name").asText()).isEqualTo(name);
        assertThat(authority.get("contactDomain").asText()).isEqualTo("parquet.justice.example");
        assertThat(authority.get("verifiedBy").asText()).isEqualTo("analyst");
        assertThat(Instant.parse(authority.get("verifiedAt").asText())).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(exchange(HttpMethod.GET, "/api/authorities/" + id, null, "approver").getBody()).isEqualTo(authority);

        ResponseEntity<JsonNode> again = exchange(HttpMethod.POST, "/api/authorities", """
                {"country": "FR", "name": "%s", "contactDomain": "justice.example", "knownContact": "+33 1 00 00 00 01"}
                """.formatted(name.toUpperCase()), "approver");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asLong()).isEqualTo(id);
        assertThat(again.getBody().get("verifiedBy").asText()).isEqualTo("approver");
        assertThat(again.getBody().get("contactDomain").asText()).isEqualTo("justice.example");
        assertThat(registry.check("FR", name, "desk@parquet.justice.example").recognized()).isTrue();
        assertThat(registry.list()).filteredOn(a -> a.name().equalsIgnoreCase(name)).hasSize(1);
    }

    @Test
    void invalidRegistrationsAreProblemsNamingEachFieldAndStoreNothing() {
        int before = registry.list().size();

        ResponseEntity<JsonNode> invalid = exchange(HttpMethod.POST, "/api/authorities", """
                {"country": "Germany", "name": "  ", "contactDomain": "https://sta.berlin.example/", "knownContact": ""}
                """, "analyst");
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(invalid.getBody().get("title").asText()).isEqualTo("The authority is invalid");
        assertThat(invalid.getBody().get("errors").findValuesAsText("field"))
                .containsExactly("contactDomain", "country", "knownContact", "name");
        assertThat(invalid.getBody().toString()).doesNotContain("https://sta.berlin.example/");

        ResponseEntity<JsonNode> unknownCountry = exchange(HttpMethod.POST, "/api/authorities", """
                {"country": "ZZ", "name": "Prokuroria", "contactDomain": "prokuroria.example", "knownContact": "desk"}
                """, "analyst");
        assertThat(unknownCountry.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownCountry.getBody().get("errors").findValuesAsText("field")).containsExactly("country");

        ResponseEntity<JsonNode> wrongShape = exchange(HttpMethod.POST, "/api/authorities", """
                {"country": "DE", "name": 42, "contactDomain": "a.example", "knownContact": "desk", "verifiedBy": "someone"}
                """, "analyst");
        assertThat(wrongShape.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongShape.getBody().get("errors").findValuesAsText("field")).containsExactly("name", "verifiedBy");
        assertThat(wrongShape.getBody().get("errors").findValuesAsText("message"))
                .containsExactly("must be a JSON string", "is not a field of an authority registration");

        ResponseEntity<JsonNode> notAnObject = exchange(HttpMethod.POST, "/api/authorities", "[]", "analyst");
        assertThat(notAnObject.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(notAnObject.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);

        assertThat(exchange(HttpMethod.POST, "/api/authorities", "{\"country\": ", "analyst").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<JsonNode> missing = exchange(HttpMethod.GET, "/api/authorities/999999999", null, "analyst");
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(registry.list()).hasSize(before);
    }

    private static String registration(String name) {
        return """
                {"country": "FR", "name": "%s", "contactDomain": "Parquet.Justice.example",
                 "knownContact": "+33 1 00 00 00 00 (switchboard), section cyber"}
                """.formatted(name);
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode authority : list) {
            if (authority.get("name").asText().equals(name)) {
                return authority;
            }
        }
        throw new AssertionError("not listed: " + name);
    }

    private ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
