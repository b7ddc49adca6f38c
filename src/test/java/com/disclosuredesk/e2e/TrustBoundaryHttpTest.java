package com.disclosuredesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.sql.DataSource;

import com.disclosuredesk.support.ApiRequests;
import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.OrderFlow;
import com.disclosuredesk.support.Orders;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Staff can do their own step and nothing else (docs/security.md, "The trust boundary"). A table of attacks: each
 * route that writes variables or moves an instance ({@code /engine-rest} and the web apps' engine API behind Tasklist),
 * tried by each staff role with valid sign-ins against real orders. Each must be refused, and afterwards nothing has
 * changed: neither order's status, timeline, recorded decisions, process variables, disclosure package, nor the
 * ledger.
 * <p>
 * The orders: A (police-de) analysed by {@code analyst} as DISCLOSE of IP addresses only, waiting for approval; B
 * (court-us) waiting for its legal analysis, never analysed.
 */
@DisclosureDeskHttpTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustBoundaryHttpTest {

    /** A user in both staff groups: analyses and approves, never the same order. */
    static final String COUNSEL = "counsel-both";

    @Autowired TestRestTemplate http;
    @Autowired IdentityService identity;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DataSource dataSource;
    @Autowired org.camunda.bpm.engine.FilterService filters;

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private OrderFlow flow;
    private JdbcClient jdbc;

    /** The orders under attack. */
    private String orderA;
    private String orderB;

    @BeforeAll
    void ordersUnderAttack() throws Exception {
        flow = new OrderFlow(http);
        jdbc = JdbcClient.create(dataSource);
        if (identity.createUserQuery().userId(COUNSEL).count() == 0) {
            User user = identity.newUser(COUNSEL);
            user.setPassword(COUNSEL);
            identity.saveUser(user);
            identity.createMembership(COUNSEL, "legal-analysts");
            identity.createMembership(COUNSEL, "legal-approvers");
        }
        orderA = flow.submit(Orders.valid("AZ-TRUST-A-" + System.nanoTime()));
        flow.awaitStatus(orderA, "IN_LEGAL_ANALYSIS");
        flow.completeTask(orderA, "analyst", analysis("[\\\"IP_ADDRESS\\\"]"));
        flow.awaitStatus(orderA, "AWAITING_APPROVAL");

        ResponseEntity<JsonNode> b = flow.exchange(HttpMethod.POST, "/api/orders",
                json.writeValueAsString(Orders.fromUnitedStates(Orders.valid("US-TRUST-B-" + System.nanoTime()))), "court-us");
        assertThat(b.getStatusCode().value()).as(String.valueOf(b.getBody())).isEqualTo(201);
        orderB = b.getBody().get("trackingNumber").asText();
        ApiRequests.awaitOrder(n -> flow.exchange(HttpMethod.GET, "/api/orders/" + n, null, "court-us").getBody(), orderB,
                s -> "IN_LEGAL_ANALYSIS".equals(s.get("status").asText()), "IN_LEGAL_ANALYSIS");

        // each task is claimed by the person working on it, as in Tasklist: the assignee has every right the engine
        // gives on a task
        assertThat(engine(HttpMethod.POST, "/task/" + task(orderA, "approver") + "/claim", "{\"userId\": \"approver\"}", "approver")
                .getStatusCode().value()).isEqualTo(204);
        assertThat(engine(HttpMethod.POST, "/task/" + task(orderB, "analyst") + "/claim", "{\"userId\": \"analyst\"}", "analyst")
                .getStatusCode().value()).isEqualTo(204);
    }

    // --- the table of attacks ------------------------------------------------------------------------------------

    /** One attack: who tries it, how, and how it must be answered (400 names the variable or rule, 403/404 no right). */
    record Attack(String name, String user, Set<Integer> refusedWith, String mentions, Function<TrustBoundaryHttpTest, ResponseEntity<String>> send) {
        @Override
        public String toString() {
            return user + ": " + name;
        }
    }

    static Stream<Attack> attacks() {
        List<Attack> attacks = new ArrayList<>();
        Set<Integer> badRequest = Set.of(400);
        Set<Integer> refused = Set.of(400, 403, 404);
        // completing one's own task with someone else's facts: the findings 1 to 3
        attacks.add(new Attack("approve A naming B as the order to disclose", "approver", badRequest, "trackingNumber",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderA, "approver") + "/complete",
                        "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}, \"trackingNumber\": {\"value\": \"" + t.orderB + "\"}}}", "approver")));
        attacks.add(new Attack("approve A with another analyst as analysedBy", "approver", badRequest, "analysedBy",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderA, "approver") + "/complete",
                        "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}, \"analysedBy\": {\"value\": \"analyst2\"}}}", "approver")));
        attacks.add(new Attack("approve A widening the categories", "approver", badRequest, "approvedCategories",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderA, "approver") + "/complete", """
                        {"variables": {"approvalDecision": {"value": "APPROVE"},
                          "approvedCategories": {"value": "[\\"IP_ADDRESS\\",\\"PHONE_NUMBER\\",\\"MESSAGE_CONTENT\\"]", "type": "Json"}}}""", "approver")));
        attacks.add(new Attack("approve A with an approvedBy of someone else", "approver", badRequest, "approvedBy",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderA, "approver") + "/complete",
                        "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}, \"approvedBy\": {\"value\": \"approver2\"}}}", "approver")));
        attacks.add(new Attack("approve A with a decision of the wrong type", "approver", badRequest, "approvalDecision",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderA, "approver") + "/complete",
                        "{\"variables\": {\"approvalDecision\": {\"value\": 1, \"type\": \"Integer\"}}}", "approver")));
        attacks.add(new Attack("approve A with a decision not in the list", "approver", badRequest, "approvalDecision",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderA, "approver") + "/complete",
                        "{\"variables\": {\"approvalDecision\": {\"value\": \"DISCLOSE_EVERYTHING\"}}}", "approver")));
        attacks.add(new Attack("analyse B with categories that are not a JSON array", "analyst", badRequest, "approvedCategories",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderB, "analyst") + "/complete", """
                        {"variables": {"analysisDecision": {"value": "DISCLOSE"}, "approvedCategories": {"value": "IP_ADDRESS"},
                          "legalReasoning": {"value": "Valid court order, suspect named, the offence violates the ToS."}}}""", "analyst")));
        attacks.add(new Attack("analyse B without reasoning", "analyst", badRequest, "legalReasoning",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderB, "analyst") + "/complete", """
                        {"variables": {"analysisDecision": {"value": "DISCLOSE"},
                          "approvedCategories": {"value": "[\\"IP_ADDRESS\\"]", "type": "Json"}}}""", "analyst")));
        attacks.add(new Attack("analyse B and decide the approval in the same completion", "analyst", badRequest, "approvalDecision",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderB, "analyst") + "/complete", """
                        {"variables": {"analysisDecision": {"value": "DISCLOSE"}, "approvalDecision": {"value": "APPROVE"},
                          "approvedCategories": {"value": "[\\"IP_ADDRESS\\"]", "type": "Json"},
                          "legalReasoning": {"value": "Valid court order, suspect named, the offence violates the ToS."}}}""", "analyst")));
        // writing variables while a task is open: the finding 4
        attacks.add(new Attack("PUT a task variable on B's analysis", "analyst", badRequest, "trackingNumber",
                t -> t.engine(HttpMethod.PUT, "/task/" + t.task(t.orderB, "analyst") + "/variables/trackingNumber",
                        "{\"value\": \"" + t.orderA + "\"}", "analyst")));
        attacks.add(new Attack("POST task variable modifications on B's analysis", "analyst", badRequest, "approvedBy",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderB, "analyst") + "/variables",
                        "{\"modifications\": {\"approvedBy\": {\"value\": \"approver\"}}}", "analyst")));
        attacks.add(new Attack("DELETE a task variable on B's analysis", "analyst", badRequest, "requestedCategories",
                t -> t.engine(HttpMethod.DELETE, "/task/" + t.task(t.orderB, "analyst") + "/variables/requestedCategories", null, "analyst")));
        attacks.add(new Attack("PUT a task-local variable on A's approval", "approver", badRequest, "approvedCategories",
                t -> t.engine(HttpMethod.PUT, "/task/" + t.task(t.orderA, "approver") + "/localVariables/approvedCategories",
                        "{\"value\": \"[\\\"PHONE_NUMBER\\\"]\", \"type\": \"Json\"}", "approver")));
        attacks.add(new Attack("PUT a process-instance variable of A", "approver", refused, null,
                t -> t.engine(HttpMethod.PUT, "/process-instance/" + t.instance(t.orderA) + "/variables/approvedCategories",
                        "{\"value\": \"[\\\"PHONE_NUMBER\\\"]\", \"type\": \"Json\"}", "approver")));
        attacks.add(new Attack("POST process-instance variable modifications of A", "analyst", refused, null,
                t -> t.engine(HttpMethod.POST, "/process-instance/" + t.instance(t.orderA) + "/variables",
                        "{\"modifications\": {\"analysedBy\": {\"value\": \"analyst2\"}}}", "analyst")));
        attacks.add(new Attack("PUT an execution-local variable of A", "approver", refused, null,
                t -> t.engine(HttpMethod.PUT, "/execution/" + t.instance(t.orderA) + "/localVariables/approvedBy",
                        "{\"value\": \"approver\"}", "approver")));
        attacks.add(new Attack("administrator PUTs a process-instance variable of A", "admin", badRequest, "approvedCategories",
                t -> t.engine(HttpMethod.PUT, "/process-instance/" + t.instance(t.orderA) + "/variables/approvedCategories",
                        "{\"value\": \"[\\\"PHONE_NUMBER\\\"]\", \"type\": \"Json\"}", "admin")));
        // messages, signals, modification, starts
        attacks.add(new Attack("correlate B's withdrawal", "approver", refused, null,
                t -> t.engine(HttpMethod.POST, "/message", "{\"messageName\": \"OrderWithdrawn\", \"businessKey\": \"" + t.orderB + "\"}", "approver")));
        attacks.add(new Attack("administrator correlates a clarification of B with variables", "admin", badRequest, "ClarificationReceived",
                t -> t.engine(HttpMethod.POST, "/message", "{\"messageName\": \"ClarificationReceived\", \"businessKey\": \"" + t.orderB
                        + "\", \"processVariables\": {\"validityOutcome\": {\"value\": \"VALID\"}}}", "admin")));
        attacks.add(new Attack("signal A's execution with variables", "approver", refused, null,
                t -> t.engine(HttpMethod.POST, "/execution/" + t.instance(t.orderA) + "/signal",
                        "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}", "approver")));
        attacks.add(new Attack("move B to the disclosure", "approver", refused, null,
                t -> t.engine(HttpMethod.POST, "/process-instance/" + t.instance(t.orderB) + "/modification",
                        "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_DiscloseData\"}]}", "approver")));
        attacks.add(new Attack("administrator moves A with variables", "admin", badRequest, "approvedCategories",
                t -> t.engine(HttpMethod.POST, "/process-instance/" + t.instance(t.orderA) + "/modification", """
                        {"instructions": [{"type": "startBeforeActivity", "activityId": "Task_DiscloseData",
                          "variables": {"approvedCategories": {"value": "[\\"PHONE_NUMBER\\"]", "type": "Json", "local": false}}}]}""", "admin")));
        attacks.add(new Attack("start legal-order for B's tracking number", "analyst", badRequest, "trackingNumber",
                t -> t.engine(HttpMethod.POST, "/process-definition/key/legal-order/start",
                        "{\"variables\": {\"trackingNumber\": {\"value\": \"" + t.orderB + "\"}}}", "analyst")));
        attacks.add(new Attack("start legal-order with B's business key", "analyst", badRequest, "businessKey",
                t -> t.engine(HttpMethod.POST, "/process-definition/key/legal-order/start", "{\"businessKey\": \"" + t.orderB + "\"}", "analyst")));
        attacks.add(new Attack("start legal-order at the disclosure", "analyst", badRequest, "start event",
                t -> t.engine(HttpMethod.POST, "/process-definition/key/legal-order/start",
                        "{\"startInstructions\": [{\"type\": \"startBeforeActivity\", \"activityId\": \"Task_DiscloseData\"}]}", "analyst")));
        // the task itself, filters
        attacks.add(new Attack("hand A's approval to another approver", "approver", refused, null,
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderA, "approver") + "/assignee", "{\"userId\": \"analyst\"}", "approver")));
        attacks.add(new Attack("rewrite A's approval task", "approver", refused, null,
                t -> t.engine(HttpMethod.PUT, "/task/" + t.task(t.orderA, "approver"),
                        "{\"name\": \"Approve disclosure\", \"assignee\": \"analyst\", \"priority\": 50}", "approver")));
        attacks.add(new Attack("create a filter with an expression", "analyst", refused, null,
                t -> t.engine(HttpMethod.POST, "/filter/create", """
                        {"resourceType": "Task", "name": "mine", "owner": "analyst",
                         "query": {"assigneeExpression": "${''.getClass().forName('java.lang.Runtime')}"}, "properties": {}}""", "analyst")));
        attacks.add(new Attack("change the analysts' filter", "analyst", refused, null,
                t -> t.engine(HttpMethod.PUT, "/filter/" + t.filter("Legal analysis"), """
                        {"resourceType": "Task", "name": "Legal analysis", "owner": null,
                         "query": {"assigneeExpression": "${currentUser()}"}, "properties": {}}""", "analyst")));
        attacks.add(new Attack("run a filter with an expression in its extending query", "analyst", Set.of(400, 403), null,
                t -> t.engine(HttpMethod.POST, "/filter/" + t.filter("My tasks") + "/list",
                        "{\"assigneeExpression\": \"${''.getClass().forName('java.lang.Runtime')}\"}", "analyst")));
        // deciding without being in the task's group
        attacks.add(new Attack("administrator approves A", "admin", badRequest, "legal-approvers",
                t -> t.engine(HttpMethod.POST, "/task/" + t.task(t.orderA, "admin") + "/complete",
                        "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}", "admin")));
        // the same over the web apps' engine API, as Tasklist sends it
        attacks.add(new Attack("Tasklist: submit A's approval naming B", "approver", badRequest, "trackingNumber",
                t -> t.webapp(HttpMethod.POST, "/task/" + t.task(t.orderA, "approver") + "/submit-form",
                        "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}, \"trackingNumber\": {\"value\": \"" + t.orderB + "\"}}}", "approver")));
        attacks.add(new Attack("Tasklist: submit A's approval widening the categories", "approver", badRequest, "approvedCategories",
                t -> t.webapp(HttpMethod.POST, "/task/" + t.task(t.orderA, "approver") + "/submit-form", """
                        {"variables": {"approvalDecision": {"value": "APPROVE"},
                          "approvedCategories": {"value": "[\\"IP_ADDRESS\\",\\"PHONE_NUMBER\\"]", "type": "Json"}}}""", "approver")));
        attacks.add(new Attack("Tasklist: PUT a variable on B's analysis", "analyst", badRequest, "analysedBy",
                t -> t.webapp(HttpMethod.PUT, "/task/" + t.task(t.orderB, "analyst") + "/variables/analysedBy", "{\"value\": \"analyst2\"}", "analyst")));
        attacks.add(new Attack("Tasklist: POST variable modifications on A's process instance", "approver", refused, null,
                t -> t.webapp(HttpMethod.POST, "/process-instance/" + t.instance(t.orderA) + "/variables",
                        "{\"modifications\": {\"approvedCategories\": {\"value\": \"[\\\"PHONE_NUMBER\\\"]\", \"type\": \"Json\"}}}", "approver")));
        return attacks.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void everyAttackIsRefusedAndChangesNothing(Attack attack) {
        Map<String, Object> before = snapshot();

        ResponseEntity<String> answer = attack.send().apply(this);

        assertThat(answer.getStatusCode().value()).as("%s answered %s", attack, answer.getBody()).isIn(attack.refusedWith());
        if (attack.mentions() != null) {
            assertThat(answer.getBody()).as("the refusal names what it refuses").contains(attack.mentions());
        }
        assertThat(snapshot()).as("nothing changed after: %s", attack).isEqualTo(before);
    }

    @Test
    void fourEyesHoldForAUserInBothGroupsWhateverTheCompletionSays() throws Exception {
        String order = flow.submit(Orders.valid("AZ-TRUST-C-" + System.nanoTime()));
        flow.awaitStatus(order, "IN_LEGAL_ANALYSIS");
        flow.completeTask(order, COUNSEL, analysis("[\\\"IP_ADDRESS\\\"]"));
        flow.awaitStatus(order, "AWAITING_APPROVAL");
        String approval = task(order, COUNSEL);

        // claiming is refused, and completing is refused, with or without a forged analysedBy
        assertThat(engine(HttpMethod.POST, "/task/" + approval + "/claim", "{\"userId\": \"" + COUNSEL + "\"}", COUNSEL)
                .getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> forged = engine(HttpMethod.POST, "/task/" + approval + "/complete",
                "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}, \"analysedBy\": {\"value\": \"analyst2\"}}}", COUNSEL);
        assertThat(forged.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> plain = engine(HttpMethod.POST, "/task/" + approval + "/complete",
                "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}", COUNSEL);
        assertThat(plain.getStatusCode().value()).isEqualTo(400);
        assertThat(plain.getBody()).contains("Four-eyes");
        assertThat(flow.status(order).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        assertThat(disclosed(order)).isZero();
    }

    @Test
    void theApproverApprovesExactlyWhatTheAnalystChose() throws Exception {
        String order = flow.submit(Orders.valid("AZ-TRUST-D-" + System.nanoTime()));
        flow.awaitStatus(order, "IN_LEGAL_ANALYSIS");
        flow.completeTask(order, "analyst", analysis("[\\\"IP_ADDRESS\\\"]"));
        flow.awaitStatus(order, "AWAITING_APPROVAL");
        flow.completeTask(order, "approver", "{\"variables\": {\"approvalDecision\": {\"value\": \"APPROVE\"}}}");
        JsonNode status = flow.awaitStatus(order, "DISCLOSED");
        assertThat(status.get("status").asText()).isEqualTo("DISCLOSED");

        ResponseEntity<String> pkg = http.exchange("/api/orders/" + order + "/disclosure", HttpMethod.GET,
                new HttpEntity<>(ApiRequests.signedIn("police-de")), String.class);
        assertThat(pkg.getStatusCode().value()).isEqualTo(200);
        JsonNode document = json.readTree(pkg.getBody());
        assertThat(document.get("categories").toString()).isEqualTo("[\"IP_ADDRESS\"]");
        assertThat(document.findValues("phoneNumber")).isEmpty();
        assertThat(jdbc.sql("SELECT analysed_by || '/' || approved_by || '/' || categories FROM dd_disclosure WHERE tracking_number = ?")
                .param(order).query(String.class).single()).isEqualTo("analyst/approver/IP_ADDRESS");
    }

    // --- what must not change ------------------------------------------------------------------------------------

    /** Both orders as the application and the engine hold them, and the ledger. */
    private Map<String, Object> snapshot() {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        for (String order : List.of(orderA, orderB)) {
            state.put(order + " status", jdbc.sql("SELECT status || '/' || COALESCE(outcome, '-') FROM dd_legal_order WHERE tracking_number = ?")
                    .param(order).query(String.class).single());
            state.put(order + " timeline", jdbc.sql("SELECT COUNT(*) FROM dd_order_event WHERE tracking_number = ?").param(order).query(Long.class).single());
            state.put(order + " decisions", jdbc.sql("SELECT COUNT(*) FROM dd_order_decision WHERE tracking_number = ?").param(order).query(Long.class).single());
            state.put(order + " disclosed", disclosed(order));
            state.put(order + " instances", runtime.createProcessInstanceQuery().processInstanceBusinessKey(order).count());
            String instance = instance(order);
            state.put(order + " variables", String.valueOf(new java.util.TreeMap<>(runtime.getVariables(instance))));
            state.put(order + " activities", String.valueOf(runtime.getActiveActivityIds(instance)));
            state.put(order + " tasks", tasks.createTaskQuery().processInstanceId(instance).list().stream()
                    .map(t -> t.getTaskDefinitionKey() + ":" + t.getAssignee() + ":" + t.getPriority()).sorted().toList());
        }
        state.put("ledger", jdbc.sql("SELECT COUNT(*) FROM dd_ledger_entry").query(Long.class).single());
        state.put("instances of legal-order", runtime.createProcessInstanceQuery().processDefinitionKey("legal-order").count());
        state.put("filters", jdbc.sql("SELECT COUNT(*) || ':' || COALESCE(SUM(LENGTH(QUERY_)), 0) FROM ACT_RU_FILTER").query(String.class).single());
        return state;
    }

    private long disclosed(String order) {
        return jdbc.sql("SELECT COUNT(*) FROM dd_disclosure WHERE tracking_number = ?").param(order).query(Long.class).single();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String analysis(String categories) {
        return """
                {"variables": {"analysisDecision": {"value": "DISCLOSE"},
                  "approvedCategories": {"value": "%s", "type": "Json"},
                  "legalReasoning": {"value": "Valid court order, suspect named, the offence violates the ToS."}}}
                """.formatted(categories);
    }

    String instance(String order) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(order).list().get(0).getId();
    }

    /** The order's open task that {@code user} sees (read as administrator when the user may not see it). */
    String task(String order, String user) {
        JsonNode found = json(engine(HttpMethod.GET, "/task?processInstanceBusinessKey=" + order, null, user));
        if (found.isEmpty()) {
            found = json(engine(HttpMethod.GET, "/task?processInstanceBusinessKey=" + order, null, "admin"));
        }
        assertThat(found).as("open tasks of %s", order).hasSize(1);
        return found.get(0).get("id").asText();
    }

    String filter(String name) {
        return filters.createFilterQuery().filterName(name).singleResult().getId();
    }

    ResponseEntity<String> engine(HttpMethod method, String path, String body, String user) {
        HttpHeaders headers = ApiRequests.signedIn(user);
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return http.exchange("/engine-rest" + path, method, new HttpEntity<>(body, headers), String.class);
    }

    /** The web apps' engine API as Tasklist calls it: a session signed in to Tasklist, with its CSRF token. */
    ResponseEntity<String> webapp(HttpMethod method, String path, String body, String user) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        List<String> cookies = new ArrayList<>(cookies(page));
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", user);
        HttpHeaders login = new HttpHeaders();
        login.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        login.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        login.set(HttpHeaders.COOKIE, String.join("; ", cookies));
        ResponseEntity<String> signedIn = http.postForEntity("/camunda/api/admin/auth/user/default/login/tasklist",
                new HttpEntity<>(form, login), String.class);
        assertThat(signedIn.getStatusCode().value()).as("Tasklist sign-in of %s", user).isEqualTo(200);
        cookies = merge(cookies, cookies(signedIn));
        HttpHeaders session = new HttpHeaders();
        session.set(HttpHeaders.COOKIE, String.join("; ", cookies));
        ResponseEntity<String> probe = http.exchange("/camunda/api/engine/engine/default/task/count", HttpMethod.GET,
                new HttpEntity<>(session), String.class);
        cookies = merge(cookies, cookies(probe));
        String token = probe.getHeaders().getFirst("X-XSRF-TOKEN");
        if (token == null) {
            token = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring("XSRF-TOKEN=".length()))
                    .findFirst().orElseThrow();
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.COOKIE, String.join("; ", cookies));
        headers.set("X-XSRF-TOKEN", token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        return http.exchange("/camunda/api/engine/engine/default" + path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static List<String> cookies(ResponseEntity<?> response) {
        List<String> set = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        return set == null ? List.of() : set.stream().map(c -> c.split(";", 2)[0]).toList();
    }

    private static List<String> merge(List<String> cookies, List<String> newer) {
        Map<String, String> byName = new java.util.LinkedHashMap<>();
        for (String cookie : cookies) {
            byName.put(cookie.split("=", 2)[0], cookie);
        }
        for (String cookie : newer) {
            byName.put(cookie.split("=", 2)[0], cookie);
        }
        return new ArrayList<>(byName.values());
    }

    private JsonNode json(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
