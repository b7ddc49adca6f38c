package com.disclosuredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.disclosuredesk.support.DisclosureDeskHttpTest;
import com.disclosuredesk.support.OrderFlow;
import com.disclosuredesk.support.Orders;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/**
 * Least privilege, written down and tested: every authorization the engine holds must be a row of the table in
 * docs/security.md (with no more permissions than the row lists), and every group row of the table must be held.
 * Read after an order has reached a task and the task was claimed, so that the engine's per-task grants exist too.
 */
@DisclosureDeskHttpTest
class AuthorizationTableTest {

    static final Path TABLE = Path.of("docs/security.md");
    static final Set<String> STAFF = Set.of("legal-analysts", "legal-approvers");

    @Autowired TestRestTemplate http;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;
    @Autowired TaskService tasks;
    @Autowired org.camunda.bpm.engine.IdentityService identity;

    /** One row of the table: who, which resource type (null: every type), which ids, which permissions. */
    record Row(String who, String resource, Set<String> ids, Set<String> permissions) {}

    @Test
    void everyAuthorizationIsARowOfTheTableAndEveryGroupRowIsHeld() throws Exception {
        OrderFlow flow = new OrderFlow(http);
        String order = flow.submit(Orders.valid("AZ-AUTHZ-" + System.nanoTime()));
        flow.awaitStatus(order, "IN_LEGAL_ANALYSIS");
        String task = tasks.createTaskQuery().processInstanceBusinessKey(order).singleResult().getId();
        assertThat(flow.exchange(HttpMethod.POST, "/engine-rest/task/" + task + "/claim", "{\"userId\":\"analyst\"}", "analyst")
                .getStatusCode().value()).isEqualTo(204);

        List<Row> table = table();
        List<String> unlisted = new ArrayList<>();
        for (Authorization grant : authorizations.createAuthorizationQuery().list()) {
            assertThat(grant.getAuthorizationType()).as("grants only").isEqualTo(Authorization.AUTH_TYPE_GRANT);
            Row row = rowFor(table, grant);
            Set<String> granted = permissions(grant);
            if (row == null || !(row.permissions().contains("ALL") || row.permissions().containsAll(granted))) {
                unlisted.add(describe(grant) + " " + granted);
            }
        }
        assertThat(unlisted).as("engine grants that docs/security.md does not list").isEmpty();

        for (Row row : table) {
            if (row.who().startsWith("`")) {
                String group = strip(row.who());
                for (String id : row.ids()) {
                    List<Authorization> held = authorizations.createAuthorizationQuery().groupIdIn(group).list().stream()
                            .filter(a -> row.resource() == null || resourceName(a.getResourceType()).equals(row.resource()))
                            .filter(a -> idMatches(id, a)).toList();
                    assertThat(held).as("the engine holds the row %s %s %s", group, row.resource(), id).isNotEmpty();
                    for (Authorization a : held) {
                        assertThat(row.permissions().contains("ALL") ? a.isPermissionGranted(Permissions.ALL) : permissions(a).containsAll(row.permissions()))
                                .as("%s holds %s", describe(a), row.permissions()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void staffHoldNoRightToChangeInstancesTasksOrVariables() {
        Set<String> forbidden = Set.of("ALL", "UPDATE", "UPDATE_VARIABLE", "UPDATE_INSTANCE", "UPDATE_TASK", "UPDATE_INSTANCE_VARIABLE",
                "UPDATE_TASK_VARIABLE", "DELETE", "DELETE_INSTANCE", "TASK_ASSIGN", "MIGRATE_INSTANCE", "RETRY_JOB", "SUSPEND");
        for (Authorization grant : authorizations.createAuthorizationQuery().groupIdIn(STAFF.toArray(String[]::new)).list()) {
            assertThat(permissions(grant)).as(describe(grant)).doesNotContainAnyElementsOf(forbidden);
        }
        // intake systems and monitoring: nothing in the engine but the engine's default read of their own group
        assertThat(authorizations.createAuthorizationQuery().groupIdIn("intake-systems", "monitoring").list())
                .allSatisfy(grant -> {
                    assertThat(grant.getResourceType()).isEqualTo(Resources.GROUP.resourceType());
                    assertThat(grant.getResourceId()).isEqualTo(grant.getGroupId());
                    assertThat(permissions(grant)).containsExactly("READ");
                });
    }

    // --- the table ---------------------------------------------------------------------------------------------

    static List<Row> table() throws IOException {
        String text = Files.readString(TABLE);
        String block = text.substring(text.indexOf("<!-- authorizations:start -->"), text.indexOf("<!-- authorizations:end -->"));
        List<Row> rows = new ArrayList<>();
        for (String line : block.lines().toList()) {
            if (!line.startsWith("|") || line.startsWith("|---") || line.startsWith("| group or user")) {
                continue;
            }
            String[] cells = line.split("\\|");
            String resource = cells[2].trim();
            Set<String> ids = Arrays.stream(cells[3].split(",")).map(String::trim).map(AuthorizationTableTest::strip)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> permissions = Arrays.stream(cells[4].split(",")).map(String::trim).collect(Collectors.toSet());
            rows.add(new Row(cells[1].trim(), resource.equals("every resource type") ? null : resource, ids, permissions));
        }
        assertThat(rows).as("rows of the table in %s", TABLE).hasSizeGreaterThan(5);
        return rows;
    }

    private Row rowFor(List<Row> table, Authorization grant) {
        String resource = resourceName(grant.getResourceType());
        for (Row row : table) {
            if (row.resource() != null && !row.resource().equals(resource)) {
                continue;
            }
            boolean matches = switch (row.who()) {
                case "candidate group of a task" -> grant.getGroupId() != null && resource.equals("TASK") && !"*".equals(grant.getResourceId())
                        && isCandidateOf(grant.getGroupId(), grant.getResourceId());
                case "assignee of a task" -> grant.getUserId() != null && resource.equals("TASK")
                        && grant.getUserId().equals(assigneeOf(grant.getResourceId()));
                case "each user" -> grant.getUserId() != null && grant.getUserId().equals(grant.getResourceId());
                case "each group" -> grant.getGroupId() != null && grant.getGroupId().equals(grant.getResourceId());
                case "deployer of a deployment" -> grant.getUserId() != null
                        && identity.createUserQuery().userId(grant.getUserId()).memberOfGroup("camunda-admin").count() == 1;
                default -> grant.getGroupId() != null && grant.getGroupId().equals(strip(row.who()))
                        && row.ids().stream().anyMatch(id -> idMatches(id, grant));
            };
            if (matches) {
                return row;
            }
        }
        return null;
    }

    private boolean idMatches(String id, Authorization grant) {
        if (grant.getResourceType() == Resources.FILTER.resourceType() && !"*".equals(id)) {
            Filter filter = filters.createFilterQuery().filterName(id).singleResult();
            return filter != null && filter.getId().equals(grant.getResourceId());
        }
        return id.equals(grant.getResourceId());
    }

    private boolean isCandidateOf(String group, String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().anyMatch(link -> group.equals(link.getGroupId()));
    }

    private String assigneeOf(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        return task == null ? null : task.getAssignee();
    }

    private static Set<String> permissions(Authorization grant) {
        if (grant.isPermissionGranted(Permissions.ALL)) {
            return Set.of("ALL");
        }
        Permission[] known = ResourceTypeUtil.getPermissionsByResourceType(grant.getResourceType());
        return Arrays.stream(grant.getPermissions(known)).map(Permission::getName)
                .filter(name -> !name.equals("NONE") && !name.equals("ALL")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String resourceName(int type) {
        return EnumSet.allOf(Resources.class).stream().filter(r -> r.resourceType() == type).map(Enum::name).findFirst().orElse(String.valueOf(type));
    }

    private static String describe(Authorization grant) {
        return (grant.getGroupId() != null ? "group " + grant.getGroupId() : "user " + grant.getUserId()) + " on "
                + resourceName(grant.getResourceType()) + " " + grant.getResourceId();
    }

    private static String strip(String cell) {
        return cell.replace("`", "").trim();
    }
}
