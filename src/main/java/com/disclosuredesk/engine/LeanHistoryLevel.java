package com.disclosuredesk.engine;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's history level of this application, {@value #NAME} ({@code camunda.bpm.history-level}): everything of
 * {@code full} (its id, 3, is what the database records, so a database kept at {@code full} runs on unchanged), but
 * the engine produces no history event at all for
 * <ul>
 *   <li>variables of a process that only copy the application's own record of the case
 *       ({@code LegalOrderVariables.RECORD_COPIES} in {@code legal-order}: the order's reference, authority, issuer,
 *       dates, offence, categories, period, digest and targets summary, kept with their corrections in
 *       {@code dd_legal_order} and the order's timeline). Their runtime value is still there for forms, gateways
 *       and Tasklist; their history would only repeat the record, once per order, in {@code ACT_HI_VARINST};</li>
 *   <li>the creation and deletion of asynchronous continuations (the job that carries an order from one
 *       transaction to the next). Their successful and failed executions stay in the job log, with the node that
 *       ran them; timers keep their whole job log (the clocks).</li>
 * </ul>
 * Decisions, outcomes, clocks, activity instances (Cockpit's path), incidents, tasks, decisions of the decision
 * tables and every other variable keep the history of {@code full}. Deciding here, before the event is built,
 * saves the work of building it, not only the row (docs/performance.md, issue 18).
 * <p>
 * A variable's events are decided by its name and its process (the key in the process definition id,
 * {@code key:version:id}), the same for its creation, updates, migration and deletion, so that no update ever
 * meets a historic row that was never written.
 */
public final class LeanHistoryLevel extends HistoryLevelFull {

    public static final String NAME = "full-lean";

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_DELETE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL);

    private static final Set<HistoryEventType> JOB_BOOKKEEPING = Set.of(HistoryEventTypes.JOB_CREATE,
            HistoryEventTypes.JOB_DELETE);

    /** Per process key, the variables without history. */
    private final Map<String, Set<String>> noHistory;

    public LeanHistoryLevel(Map<String, Set<String>> noHistory) {
        this.noHistory = Map.copyOf(noHistory);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (entity instanceof VariableInstanceEntity variable && VARIABLE_EVENTS.contains(eventType)) {
            return !withoutHistory(variable.getProcessDefinitionId(), variable.getName());
        }
        if (entity instanceof MessageEntity && JOB_BOOKKEEPING.contains(eventType)) {
            return false;
        }
        return super.isHistoryEventProduced(eventType, entity);
    }

    boolean withoutHistory(String processDefinitionId, String variableName) {
        if (processDefinitionId == null || variableName == null) {
            return false;
        }
        int colon = processDefinitionId.indexOf(':');
        Set<String> names = noHistory.get(colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon));
        return names != null && names.contains(variableName);
    }
}
