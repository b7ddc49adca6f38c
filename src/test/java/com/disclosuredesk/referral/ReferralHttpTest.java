package com.disclosuredesk.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import com.disclosuredesk.common.Sequences;
import com.disclosuredesk.intake.OrderSubmission;
import com.disclosuredesk.moderation.CaseRepository;
import com.disclosuredesk.order.TargetType;
import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.OrderFlow;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Art. 18 referrals as legal staff read them ({@code GET /api/content-reports/referrals}: newest first, paged, the
 * account only for legal staff and administrators), and a later legal order naming the same account listing the case
 * among its related items. Uses demo accounts no other test names (demo0251 ..), since the context is shared.
 */
@DisclosureDeskHttpTest
class ReferralHttpTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseRepository cases;
    @Autowired
    Sequences sequences;
    @Autowired
    RuntimeService runtime;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void legalStaffListReferralsNewestFirstWithTheAccountLeadsWithout() throws Exception {
        String older = referral("ACCOUNT:demo0252", "USERNAME:demo0252", "FR", "Police nationale (PHAROS)");
        String newer = referral("ACCOUNT:demo0253", "USERNAME:demo0253", "DE", "Bundeskriminalamt (BKA)");

        JsonNode page = list("analyst", "?limit=2");
        assertThat(page).hasSize(2);
        assertThat(page.get(0).get("caseNumber").asText()).isEqualTo(newer);
        assertThat(page.get(0).get("country").asText()).isEqualTo("DE");
        assertThat(page.get(0).get("authority").asText()).isEqualTo("Bundeskriminalamt (BKA)");
        assertThat(page.get(0).get("accountKey").asText()).isEqualTo("USERNAME:demo0253");
        assertThat(page.get(0).hasNonNull("createdAt")).isTrue();
        assertThat(page.get(1).get("caseNumber").asText()).isEqualTo(older);
        assertThat(page.get(0).get("id").asLong()).isGreaterThan(page.get(1).get("id").asLong());

        // the next page starts after the last id of this one
        JsonNode next = list("approver", "?after=" + page.get(0).get("id").asLong());
        assertThat(next.get(0).get("caseNumber").asText()).isEqualTo(older);
        assertThat(next.get(0).get("accountKey").asText()).isEqualTo("USERNAME:demo0252");
        assertThat(list("admin", "").get(0).get("accountKey").asText()).isEqualTo("USERNAME:demo0253");

        JsonNode lead = list("modlead", "?limit=1");
        assertThat(lead.get(0).get("caseNumber").asText()).isEqualTo(newer);
        assertThat(lead.get(0).has("accountKey")).as("moderation leads do not see the suspect's account").isFalse();
        assertThat(lead.toString()).doesNotContain("demo0253");

        for (String user : List.of("moderator", "police-de", "report-bot")) {
            assertThat(get(user, "").getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(http.getForEntity("/api/content-reports/referrals", String.class).getStatusCode().value()).isEqualTo(401);

        for (String bad : List.of("?limit=many", "?after=x")) {
            ResponseEntity<String> problem = get("analyst", bad);
            assertThat(problem.getStatusCode().value()).as(bad).isEqualTo(400);
            assertThat(problem.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            assertThat(problem.getBody()).contains(bad.substring(1, bad.indexOf('=')));
        }
    }

    @Test
    void aLaterOrderNamingTheReferredAccountListsTheCaseAmongItsRelatedItems() throws Exception {
        String caseNumber = referral("ACCOUNT:demo0251", "USERNAME:demo0251", "DE", "Bundeskriminalamt (BKA)");
        OrderFlow flow = new OrderFlow(http);
        String naming = flow.submit(Orders.valid("REF-18-" + System.nanoTime(),
                List.of(new OrderSubmission.TargetSpec(TargetType.USERNAME, "@Demo0251"))));
        String notNaming = flow.submit(Orders.valid("REF-18-" + System.nanoTime(),
                List.of(new OrderSubmission.TargetSpec(TargetType.USERNAME, "@demo0254"))));
        flow.awaitStatus(naming, "IN_LEGAL_ANALYSIS");
        flow.awaitStatus(notNaming, "IN_LEGAL_ANALYSIS");

        JsonNode related = relatedItems(naming);
        assertThat(related).hasSize(1);
        assertThat(related.get(0).get("trackingNumber").asText()).isEqualTo(caseNumber);
        assertThat(related.get(0).get("detail").asText()).startsWith("(threat to life referral, DE, 20").endsWith(")");
        assertThat(related.get(0).has("link")).isFalse();
        assertThat(related.toString()).doesNotContain("demo0251");
        assertThat(runtime.getVariable(instance(naming), "relatedOrderCount")).isEqualTo(1);

        assertThat(relatedItems(notNaming)).isEmpty();
        assertThat(runtime.getVariable(instance(notNaming), "relatedOrderCount")).isEqualTo(0);
    }

    private JsonNode relatedItems(String trackingNumber) throws Exception {
        return json.readTree(runtime.getVariableTyped(instance(trackingNumber), "relatedOrders").getValue().toString());
    }

    private String instance(String trackingNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).list().get(0).getId();
    }

    /** A case about {@code subjectKey} and its referral, as the referral step writes them. */
    private String referral(String subjectKey, String accountKey, String country, String authority) {
        String caseNumber = cases.nextCaseNumber();
        String[] parts = subjectKey.split(":", 2);
        cases.insert(caseNumber, subjectKey, parts[0], parts[1], "RISK_FOR_PUBLIC_SECURITY", null, country, false);
        long decision = sequences.next("cr_decision_seq");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                INSERT INTO cr_decision (id, case_number, kind, decision, ground, explanation, threat_to_life, decided_by, decided_at)
                VALUES (?, ?, 'REVIEW', 'REMOVE', 'ILLEGAL_CONTENT', 'a threat to kill', TRUE, 'moderator', ?)
                """).params(decision, caseNumber, now).update();
        jdbc.sql("""
                INSERT INTO cr_referral (id, case_number, decision_id, country, authority, owner_account_id, account_key, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(sequences.next("cr_referral_seq"), caseNumber, decision, country, authority,
                        100_000L + Long.parseLong(accountKey.replaceAll("\\D", "")), accountKey, now).update();
        return caseNumber;
    }

    private JsonNode list(String user, String query) throws Exception {
        ResponseEntity<String> response = get(user, query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> get(String user, String query) {
        return http.exchange("/api/content-reports/referrals" + query, HttpMethod.GET,
                new HttpEntity<>(ApiRequests.signedIn(user)), String.class);
    }
}
