package com.disclosuredesk.engine;

import static com.disclosuredesk.process.LegalOrderProcess.GROUP_ADMIN;
import static com.disclosuredesk.process.LegalOrderProcess.GROUP_ANALYSTS;
import static com.disclosuredesk.process.LegalOrderProcess.GROUP_APPROVERS;
import static com.disclosuredesk.process.LegalOrderProcess.GROUP_INTAKE;
import static com.disclosuredesk.process.LegalOrderProcess.GROUP_MONITORING;
import static com.disclosuredesk.process.LegalOrderProcess.PROCESS_KEY;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_MODERATION_LEADS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_MODERATORS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_REPORT_GATEWAYS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_TRANSPARENCY_EXPORTERS;
import static com.disclosuredesk.moderation.ContentReportProcess.GROUP_TRUSTED_FLAGGERS;
import static com.disclosuredesk.moderation.ContentReportProcess.MISUSE_PROCESS_KEY;
import static com.disclosuredesk.moderation.ContentReportProcess.PROCESS_KEY_CONTENT_REPORT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Sets up, idempotently at every start, the groups of the product, their least-privilege authorizations and
 * the Tasklist filters each staff group works from. The demo users exist only when
 * {@code disclosure-desk.demo.users} is on (the demo profile, i.e. the embedded default).
 */
@Component
@EnableConfigurationProperties(IdentityBootstrapPlugin.Settings.class)
public class IdentityBootstrapPlugin extends AbstractProcessEnginePlugin {

    /** @param users {@code disclosure-desk.demo.users}: create the demo users (application.yaml false, demo true) */
    @ConfigurationProperties("disclosure-desk.demo")
    public record Settings(boolean users) {}

    private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrapPlugin.class);

    public static final String FILTER_ANALYSIS = "Legal analysis";
    static final String FILTER_APPROVALS = "Approvals";
    static final String FILTER_MINE = "My tasks";
    static final String FILTER_ALL = "All legal-order tasks";
    public static final String FILTER_CONTENT_REVIEW = "Content to review";
    static final String FILTER_COMPLAINTS = "Complaints";
    static final String FILTER_SUSPENSIONS = "Proposed suspensions";
    /** Every Tasklist filter this plugin keeps, each once whatever the number of nodes that start together. */
    public static final List<String> FILTERS = List.of(FILTER_ANALYSIS, FILTER_APPROVALS, FILTER_MINE, FILTER_ALL,
            FILTER_CONTENT_REVIEW, FILTER_COMPLAINTS, FILTER_SUSPENSIONS);

    /** The demo users of the embedded default: user = password. */
    static final Map<String, String> DEMO_USERS = demoUsers();

    private final boolean demoUsers;

    public IdentityBootstrapPlugin(Settings settings) {
        this.demoUsers = settings.users();
    }

    private static Map<String, String> demoUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("admin", GROUP_ADMIN);
        users.put("analyst", GROUP_ANALYSTS);
        users.put("analyst2", GROUP_ANALYSTS);
        users.put("approver", GROUP_APPROVERS);
        users.put("police-de", GROUP_INTAKE);
        users.put("court-us", GROUP_INTAKE);
        users.put("monitor", GROUP_MONITORING);
        users.put("moderator", GROUP_MODERATORS);
        users.put("moderator2", GROUP_MODERATORS);
        users.put("modlead", GROUP_MODERATION_LEADS);
        users.put("report-bot", GROUP_REPORT_GATEWAYS);
        users.put("flagger-ngo", GROUP_TRUSTED_FLAGGERS);
        users.put("dsa-exporter", GROUP_TRANSPARENCY_EXPORTERS);
        return users;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        IdentityService identity = engine.getIdentityService();
        group(identity, GROUP_ADMIN, "Administrators", "SYSTEM");
        group(identity, GROUP_ANALYSTS, "Legal analysts", "WORKFLOW");
        group(identity, GROUP_APPROVERS, "Legal approvers (senior counsel)", "WORKFLOW");
        group(identity, GROUP_INTAKE, "Intake systems of authorities", "SYSTEM");
        group(identity, GROUP_MONITORING, "Monitoring (health details, metrics)", "SYSTEM");
        group(identity, GROUP_MODERATORS, "Content moderators", "WORKFLOW");
        group(identity, GROUP_MODERATION_LEADS, "Moderation leads (Art. 23 suspensions)", "WORKFLOW");
        group(identity, GROUP_REPORT_GATEWAYS, "Reporting gateways (bot, apps, web form)", "SYSTEM");
        group(identity, GROUP_TRUSTED_FLAGGERS, "Trusted flaggers (DSA Art. 22)", "SYSTEM");
        group(identity, GROUP_TRANSPARENCY_EXPORTERS, "DSA Transparency Database exporters", "SYSTEM");

        AuthorizationService authorizations = engine.getAuthorizationService();
        for (Resource resource : Resources.values()) {
            grant(authorizations, GROUP_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        for (String staff : List.of(GROUP_ANALYSTS, GROUP_APPROVERS)) {
            grant(authorizations, staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(authorizations, staff, Resources.PROCESS_DEFINITION, PROCESS_KEY, Permissions.READ);
        }
        // analysts enter orders that arrive on paper with the start form
        grant(authorizations, GROUP_ANALYSTS, Resources.PROCESS_DEFINITION, PROCESS_KEY, Permissions.CREATE_INSTANCE);
        grant(authorizations, GROUP_ANALYSTS, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE);
        // moderators and leads: Tasklist, and reading their processes' definitions (never starting them: the
        // application starts cases and misuse reviews). Tasks come to them through the candidate group.
        for (String staff : List.of(GROUP_MODERATORS, GROUP_MODERATION_LEADS)) {
            grant(authorizations, staff, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(authorizations, staff, Resources.PROCESS_DEFINITION, PROCESS_KEY_CONTENT_REPORT, Permissions.READ);
        }
        grant(authorizations, GROUP_MODERATION_LEADS, Resources.PROCESS_DEFINITION, MISUSE_PROCESS_KEY, Permissions.READ);
        // intake-systems, report-gateways, trusted-flaggers, transparency-exporters: no engine authorization at all;
        // they work through /api only
        // monitoring: none either; it reads /actuator (health details, metrics) only

        FilterService filters = engine.getFilterService();
        filter(engine, authorizations, FILTER_ANALYSIS, -10, "Orders waiting for legal analysis",
                engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY)
                        .taskCandidateGroup(GROUP_ANALYSTS).includeAssignedTasks().orderByDueDate().asc().orderByTaskPriority().desc(),
                GROUP_ANALYSTS, GROUP_ADMIN);
        filter(engine, authorizations, FILTER_APPROVALS, -9, "Analysed orders waiting for approval",
                engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY)
                        .taskCandidateGroup(GROUP_APPROVERS).includeAssignedTasks().orderByDueDate().asc().orderByTaskPriority().desc(),
                GROUP_APPROVERS, GROUP_ADMIN);
        filter(engine, authorizations, FILTER_MINE, -8, "Tasks you have claimed",
                engine.getTaskService().createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc().orderByTaskPriority().desc(),
                GROUP_ANALYSTS, GROUP_APPROVERS, GROUP_ADMIN);
        filter(engine, authorizations, FILTER_ALL, 0, "Every open task of every legal order",
                engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY).orderByDueDate().asc().orderByTaskPriority().desc(),
                GROUP_ADMIN);
        filter(engine, authorizations, FILTER_CONTENT_REVIEW, -20, "Reported content waiting for a moderator, most urgent first",
                engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY_CONTENT_REPORT)
                        .taskDefinitionKey("Task_ReviewContent").taskCandidateGroup(GROUP_MODERATORS).includeAssignedTasks()
                        .orderByTaskPriority().desc().orderByDueDate().asc(),
                GROUP_MODERATORS, GROUP_MODERATION_LEADS, GROUP_ADMIN);
        filter(engine, authorizations, FILTER_COMPLAINTS, -19, "Complaints about decisions (never your own)",
                engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS_KEY_CONTENT_REPORT)
                        .taskDefinitionKey("Task_ReviewComplaint").taskCandidateGroup(GROUP_MODERATORS).includeAssignedTasks()
                        .orderByTaskPriority().desc().orderByDueDate().asc(),
                GROUP_MODERATORS, GROUP_MODERATION_LEADS, GROUP_ADMIN);
        filter(engine, authorizations, FILTER_SUSPENSIONS, -18, "Art. 23 suspensions proposed for a decision",
                engine.getTaskService().createTaskQuery().processDefinitionKey(MISUSE_PROCESS_KEY)
                        .taskCandidateGroup(GROUP_MODERATION_LEADS).includeAssignedTasks().orderByTaskCreateTime().asc(),
                GROUP_MODERATION_LEADS, GROUP_ADMIN);
        filter(engine, authorizations, FILTER_MINE, -8, "Tasks you have claimed", null, GROUP_MODERATORS, GROUP_MODERATION_LEADS);
        LOG.info("Groups, authorizations and {} Tasklist filters are in place", filters.createFilterQuery().count());

        if (demoUsers) {
            DEMO_USERS.forEach((user, group) -> demoUser(identity, user, group));
            LOG.info("Demo users are in place (demo profile): {}", DEMO_USERS.keySet());
        }
    }

    private static void group(IdentityService identity, String id, String name, String type) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private static void demoUser(IdentityService identity, String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("(demo)");
            user.setEmail(id + "@demo.disclosuredesk.example");
            user.setPassword(id);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    private static void grant(AuthorizationService authorizations, String group, Resource resource, String resourceId,
                              Permission permission) {
        Authorization existing = authorizations.createAuthorizationQuery().groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            authorization.addPermission(permission);
            authorizations.saveAuthorization(authorization);
        } else if (!existing.isPermissionGranted(permission)) {
            existing.addPermission(permission);
            authorizations.saveAuthorization(existing);
        }
    }

    private static void filter(ProcessEngine engine, AuthorizationService authorizations, String name, int priority,
                               String description, TaskQuery query, String... groups) {
        FilterService filters = engine.getFilterService();
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null && query == null) {
            return;
        }
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            properties.put("variables", name.equals(FILTER_CONTENT_REVIEW) || name.equals(FILTER_COMPLAINTS) ? List.of(
                    Map.of("name", "caseNumber", "label", "Case"),
                    Map.of("name", "priorityClass", "label", "Priority"),
                    Map.of("name", "category", "label", "Category"),
                    Map.of("name", "subjectType", "label", "Subject"),
                    Map.of("name", "noticeCount", "label", "Notices"))
                    : name.equals(FILTER_SUSPENSIONS) ? List.of(
                    Map.of("name", "partyKind", "label", "Party"),
                    Map.of("name", "misuseBasis", "label", "Basis"))
                    : List.of(
                    Map.of("name", "trackingNumber", "label", "Tracking number"),
                    Map.of("name", "authorityName", "label", "Authority"),
                    Map.of("name", "authorityCountry", "label", "Country"),
                    Map.of("name", "orderType", "label", "Order type"),
                    Map.of("name", "emergency", "label", "Emergency")));
            filter = filters.newTaskFilter(name).setOwner(null).setProperties(properties).setQuery(query);
            filters.saveFilter(filter);
        }
        for (String group : groups) {
            grant(authorizations, group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }
}
