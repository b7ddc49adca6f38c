package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.disclosuredesk.common.Sha256;
import com.disclosuredesk.order.DataCategory;
import com.disclosuredesk.order.IssuerType;
import com.disclosuredesk.order.LegalOrder;
import com.disclosuredesk.order.Offence;
import com.disclosuredesk.order.OrderStatus;
import com.disclosuredesk.order.OrderType;
import com.disclosuredesk.order.Target;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.process.OrderOutcome;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.Polling;
import com.disclosuredesk.transparency.TransparencyLedger;
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

/**
 * The public transparency API and page over HTTP, without sign-in: the report as JSON and CSV, bad parameters as
 * problem+json, a report frozen and published by the process (started over the engine REST API as an
 * administrator), the ledger's links, and the page. Same context as the other HTTP tests.
 */
@DisclosureDeskHttpTest
class TransparencyHttpTest {

    @Autowired TestRestTemplate http;
    @Autowired TransparencyLedger ledger;

    private final ObjectMapper json = new ObjectMapper();
    private static int orders;

    /** Around today (UTC): entries appended now fall into it. */
    private static String around() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    }

    private void endAnOrder(String country, OrderType type, boolean emergency, int targets, OrderOutcome outcome, int users) {
        List<Target> list = new java.util.ArrayList<>();
        for (int n = 0; n < targets; n++) {
            list.add(new Target(TargetType.ACCOUNT_ID, Integer.toString(100_000 + n)));
        }
        String trackingNumber = String.format("LO-2099-%06d", ++orders + 700_000);
        ledger.append(new LegalOrder(trackingNumber, "AZ-" + trackingNumber, "police-de", LegalOrder.Channel.API, type,
                new LegalOrder.Authority("Authority", country, "contact@authority.example"),
                new LegalOrder.Issuer(IssuerType.COURT, "Court"), LocalDate.of(2026, 1, 20), LocalDate.of(2027, 2, 20),
                Offence.FRAUD, true, emergency, emergency ? "Threat to life." : null, list, Set.of(DataCategory.IP_ADDRESS),
                Instant.parse("2025-09-01T00:00:00Z"), Instant.parse("2025-11-01T00:00:00Z"), null, null,
                OrderStatus.DISCLOSED, Instant.parse("2026-01-21T08:00:00Z")), outcome, users);
    }

    private ResponseEntity<String> get(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private static JsonNode row(JsonNode report, String country) {
        for (JsonNode row : report.get("countries")) {
            if (country.equals(row.get("country").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + country);
    }

    @Test
    void reportIsPublicJsonByDefaultWithTheFiguresOfEachCountry() throws Exception {
        endAnOrder("LI", OrderType.COURT_ORDER, false, 3, OrderOutcome.FULFILLED, 2);
        endAnOrder("LI", OrderType.EMERGENCY_REQUEST, true, 1, OrderOutcome.NO_DATA, 0);
        endAnOrder("LI", OrderType.SUBPOENA, false, 1, OrderOutcome.REJECTED, 0);

        ResponseEntity<String> response = get("/api/transparency/report?" + around(), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
        JsonNode report = json.readTree(response.getBody());
        assertThat(report.at("/period/timeZone").asText()).isEqualTo("UTC");
        assertThat(report.at("/ledger/headHash").asText()).matches("[0-9a-f]{64}");
        JsonNode li = row(report, "LI");
        assertThat(li.get("countryName").asText()).isEqualTo("Liechtenstein");
        assertThat(li.get("requests").asLong()).isEqualTo(3);
        assertThat(li.get("accountsSpecified").asLong()).isEqualTo(5);
        assertThat(li.get("requestsFulfilled").asLong()).isEqualTo(1);
        assertThat(li.get("usersAffected").asLong()).isEqualTo(2);
        assertThat(li.get("percentageWhereSomeDataProduced").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(li.at("/byOrderType/COURT_ORDER/requestsFulfilled").asLong()).isEqualTo(1);
        assertThat(li.at("/byOrderType/EMERGENCY_REQUEST/requests").asLong()).isEqualTo(1);
        assertThat(li.at("/emergency/requests").asLong()).isEqualTo(1);
        assertThat(li.at("/emergency/requestsFulfilled").asLong()).isZero();
        assertThat(li.get("botLine").asText()).isEqualTo(
                "Fulfilled requests from Liechtenstein for IP address and/or phone number: 1. Affected users: 2.");
        long sum = 0;
        for (JsonNode row : report.get("countries")) {
            sum += row.get("requests").asLong();
        }
        assertThat(report.at("/totals/requests").asLong()).isEqualTo(sum);
    }

    @Test
    void csvWithAcceptHeaderOrFormatParameter() {
        endAnOrder("MT", OrderType.SEARCH_WARRANT, false, 2, OrderOutcome.FULFILLED, 1);

        ResponseEntity<String> byAccept = get("/api/transparency/report?" + around(), "text/csv");
        ResponseEntity<String> byParameter = get("/api/transparency/report?" + around() + "&format=csv", null);
        ResponseEntity<String> jsonWins = get("/api/transparency/report?" + around() + "&format=json", "text/csv");

        for (ResponseEntity<String> csv : List.of(byAccept, byParameter)) {
            assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
            assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                    .startsWith("attachment; filename=\"transparency-report-").endsWith(".csv\"");
            assertThat(csv.getBody()).startsWith("Country,Country code,Requests,Accounts specified,Requests fulfilled,"
                    + "Users affected,Percentage of requests where some data produced,").contains("\r\nMalta,MT,")
                    .contains("\r\nTotal,,").endsWith("\r\n");
        }
        assertThat(jsonWins.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        assertProblem(get("/api/transparency/report", null), "from", "to");
        assertProblem(get("/api/transparency/report?from=2026-02-30&to=2026-03-31", null), "from");
        assertProblem(get("/api/transparency/report?from=2026-12-31&to=2026-10-01", null), "to");
        assertProblem(get("/api/transparency/report?from=2020-01-01&to=2026-12-31", null), "to");
        assertProblem(get("/api/transparency/report?from=2026-10-01&to=2026-12-31&format=xml", null), "format");
        assertProblem(get("/api/transparency/reports/2026-Q5", null), "period");
    }

    private void assertProblem(ResponseEntity<String> response, String... fields) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        List<String> named = new java.util.ArrayList<>();
        problem.get("errors").forEach(e -> named.add(e.get("field").asText()));
        assertThat(named).containsExactly(fields);
        assertThat(problem.get("detail").asText()).contains(fields[0]);
    }

    @Test
    void reportStartedByAnAdministratorIsFrozenPublishedAndServedAsFrozen() throws Exception {
        endAnOrder("IS", OrderType.COURT_ORDER, false, 1, OrderOutcome.FULFILLED, 1);
        // a period before any entry of this test run: the report is frozen from a ledger that verifies
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ResponseEntity<String> refused = engineMessage(today.minusDays(5).toString(), today.toString());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("periodTo must be before today (UTC)");

        ResponseEntity<String> started = engineMessage("2025-01-01", "2025-03-31");
        assertThat(started.getStatusCode().is2xxSuccessful()).isTrue();

        JsonNode listed = awaitPublished("2025-Q1");
        assertThat(listed.get("from").asText()).isEqualTo("2025-01-01");
        assertThat(listed.get("ledgerHeadHash").asText()).matches("[0-9a-f]{64}");
        assertThat(listed.get("json").asText()).isEqualTo("/api/transparency/reports/2025-Q1");

        ResponseEntity<String> frozen = get("/api/transparency/reports/2025-Q1", null);
        assertThat(frozen.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Sha256.hex(frozen.getBody())).isEqualTo(listed.get("sha256").asText())
                .isEqualTo(frozen.getHeaders().getFirst("X-Report-SHA256"));
        assertThat(frozen.getHeaders().getETag()).contains(listed.get("sha256").asText());
        JsonNode report = json.readTree(frozen.getBody());
        assertThat(report.at("/period/id").asText()).isEqualTo("2025-Q1");
        assertThat(report.at("/ledger/headSeq").asLong()).isEqualTo(listed.get("ledgerHeadSeq").asLong());
        ResponseEntity<String> sameByRange = get("/api/transparency/reports/2025-01-01_2025-03-31", null);
        assertThat(sameByRange.getBody()).isEqualTo(frozen.getBody());
        ResponseEntity<String> csv = get(listed.get("csv").asText(), null);
        assertThat(csv.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.getBody()).startsWith("Country,Country code,");

        ResponseEntity<String> missing = get("/api/transparency/reports/2019-Q1", null);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");

        // the head published with the report is still the hash of that entry: the chain was not rewritten
        long seq = listed.get("ledgerHeadSeq").asLong();
        if (seq > 0) {
            JsonNode link = json.readTree(get("/api/transparency/ledger/entries/" + seq, null).getBody());
            assertThat(link.get("entryHash").asText()).isEqualTo(listed.get("ledgerHeadHash").asText());
        }
    }

    private ResponseEntity<String> engineMessage(String from, String to) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
                .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)));
        String body = """
                {"messageName": "TransparencyReportRequested",
                 "processVariables": {"periodFrom": {"value": "%s"}, "periodTo": {"value": "%s"}}}
                """.formatted(from, to);
        return http.exchange("/engine-rest/message", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode awaitPublished(String period) {
        return Polling.await("report " + period + " published", Duration.ofSeconds(30), Duration.ofMillis(200))
                .until(() -> {
                    for (JsonNode listed : json.readTree(get("/api/transparency/reports", null).getBody())) {
                        if (period.equals(listed.get("period").asText()) && "PUBLISHED".equals(listed.get("status").asText())) {
                            return listed;
                        }
                    }
                    return null;
                }, Objects::nonNull);
    }

    @Test
    void ledgerLinksArePublic() throws Exception {
        endAnOrder("LU", OrderType.COURT_ORDER, false, 1, OrderOutcome.WITHDRAWN, 0);
        TransparencyLedger.Head head = ledger.head();

        JsonNode link = json.readTree(get("/api/transparency/ledger/entries/" + head.seq(), null).getBody());

        assertThat(link.get("seq").asLong()).isEqualTo(head.seq());
        assertThat(link.get("entryHash").asText()).isEqualTo(head.hash());
        assertThat(link.get("prevHash").asText()).matches("[0-9a-f]{64}");
        ResponseEntity<String> none = get("/api/transparency/ledger/entries/" + (head.seq() + 1000), null);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(json.readTree(get("/api/transparency/ledger/verification", null).getBody()).get("intact").asBoolean()).isTrue();
    }

    @Test
    void pageIsPublicAndSelfContained() {
        ResponseEntity<String> page = get("/transparency", "text/html");
        ResponseEntity<String> withSlash = get("/transparency/", "text/html");
        ResponseEntity<String> script = get("/transparency/transparency.js", null);
        ResponseEntity<String> style = get("/transparency/transparency.css", null);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<title>Transparency report").contains("/transparency/transparency.js")
                .contains("<label for=\"from\">").doesNotContain("https://").doesNotContain("http://");
        assertThat(withSlash.getBody()).isEqualTo(page.getBody());
        assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(script.getBody()).contains("'/api/transparency'").contains("/report?").doesNotContain("https://");
        assertThat(style.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(style.getBody()).doesNotContain("@import").doesNotContain("url(");
    }
}
