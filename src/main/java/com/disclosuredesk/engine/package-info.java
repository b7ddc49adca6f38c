/**
 * Every place where Disclosure Desk reaches into the engine beyond its public API ({@code org.camunda.bpm.engine.impl},
 * process engine plugins, the command chain). Camunda 7 CE ends with 7.24; an upgrade to a later 7.x, or a move to a
 * maintained fork (CIB seven, Operaton), starts here: each class says what it relies on, and the tests named below
 * fail if that is gone. Nothing outside this package imports {@code org.camunda.bpm.engine.impl} (EngineInternalsTest), except the
 * {@code Authentication} that the public {@code IdentityService#getCurrentAuthentication()} returns.
 *
 * <table>
 *   <caption>The hooks and why each exists</caption>
 *   <tr><th>Hook</th><th>Why</th><th>Engine internals it uses</th><th>Test</th></tr>
 *   <tr><td>{@link com.disclosuredesk.engine.EngineTrustBoundaryPlugin},
 *       {@link com.disclosuredesk.engine.EngineCommandGuard}</td>
 *       <td>Staff do their own step and nothing else: the engine's APIs let a task's candidates write any variable
 *       (docs/security.md)</td>
 *       <td>command interceptors, command classes and their fields (checked at start-up: fails closed)</td>
 *       <td>{@code e2e/TrustBoundaryHttpTest}</td></tr>
 *   <tr><td>{@link com.disclosuredesk.engine.PersonalDataHistoryFilterPlugin}</td>
 *       <td>Personal data never reaches the engine's history; copies of records get no change log</td>
 *       <td>history event handler, {@code HistoricVariableUpdateEventEntity}</td>
 *       <td>{@code e2e/NoPersonalDataLeakTest}</td></tr>
 *   <tr><td>{@link com.disclosuredesk.engine.IdentityBootstrapPlugin}</td>
 *       <td>Groups, least-privilege authorizations and Tasklist filters, set up before the web apps answer</td>
 *       <td>{@code AbstractProcessEnginePlugin}</td>
 *       <td>{@code security/AuthorizationTableTest}</td></tr>
 *   <tr><td>{@link com.disclosuredesk.engine.EntityIdCheckPlugin}</td>
 *       <td>7.24 builds an error message for every inserted row (about 4% CPU, docs/performance.md)</td>
 *       <td>{@code DbEntityManager}, its factory</td>
 *       <td>{@code engine/EntityIdCheckPluginTest}</td></tr>
 *   <tr><td>{@link com.disclosuredesk.engine.EngineIndexesPlugin}</td>
 *       <td>An index H2's engine schema lacks for the most frequent read</td>
 *       <td>{@code ProcessEngineConfigurationImpl} (data source, database type)</td>
 *       <td>{@code bench/load.sh}</td></tr>
 *   <tr><td>{@link com.disclosuredesk.engine.NodeIdentityPlugin}</td>
 *       <td>Names the node in the job log and lock owners; releases its own job locks after a crash</td>
 *       <td>job executor lock owner, job log host name</td>
 *       <td>{@code engine/NodeIdentityPluginTest}, {@code cluster/ClusterIT}</td></tr>
 *   <tr><td>{@link com.disclosuredesk.engine.StartupLock}</td>
 *       <td>Nodes starting together on one PostgreSQL database start one after the other</td>
 *       <td>{@code AbstractProcessEnginePlugin} (before the engine builds)</td>
 *       <td>{@code cluster/ClusterIT}</td></tr>
 *   <tr><td>{@link com.disclosuredesk.engine.JobExecutorHealthIndicator}</td>
 *       <td>Health of this node's job executor</td>
 *       <td>{@code ProcessEngineConfigurationImpl#getJobExecutor()}</td>
 *       <td>{@code e2e/OperationsHttpTest}</td></tr>
 *   <tr><td>{@link com.disclosuredesk.engine.EngineClock}</td>
 *       <td>One clock for the engine and the application (tests move both)</td>
 *       <td>{@code ClockUtil}</td>
 *       <td>process tests that move the clock</td></tr>
 * </table>
 */
package com.disclosuredesk.engine;
