package com.disclosuredesk.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.disclosuredesk.process.LegalOrderProcess;
import com.disclosuredesk.process.LegalOrderVariables;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps raw input that may hold personal data (the target list of a paper order typed into the start form)
 * out of the engine history. The registration step moves such input into the application's own tables and
 * removes the variable in the same transaction, so it is never stored in the runtime tables either.
 *
 * <p>It also sets the engine's database history per process: the history level is {@link LeanHistoryLevel}
 * ({@code full} without the history of the variables that only copy the application's record of the order,
 * {@link LegalOrderVariables#RECORD_COPIES}, registered here), and variables that hold what was looked up for a form
 * or a priority ({@link LegalOrderVariables#CURRENT_VALUE_ONLY} in {@code legal-order}) get no change log entry
 * ({@code ACT_HI_DETAIL}) per value, only their historic instance with the current value (docs/performance.md).
 */
@Component
public class PersonalDataHistoryFilterPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = new ArrayList<>();
        if (configuration.getCustomHistoryLevels() != null) {
            levels.addAll(configuration.getCustomHistoryLevels());
        }
        levels.add(new LeanHistoryLevel(Map.of(LegalOrderProcess.PROCESS_KEY, LegalOrderVariables.RECORD_COPIES)));
        configuration.setCustomHistoryLevels(levels);
        List<HistoryEventHandler> handlers = new ArrayList<>();
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        if (configuration.isEnableDefaultDbHistoryEventHandler()) {
            handlers.add(0, new CurrentValueOnly(Map.of(LegalOrderProcess.PROCESS_KEY, LegalOrderVariables.CURRENT_VALUE_ONLY)));
            configuration.setEnableDefaultDbHistoryEventHandler(false);
        }
        List<HistoryEventHandler> filtered = handlers.stream()
                .<HistoryEventHandler>map(h -> new Filtering(h, LegalOrderVariables.PERSONAL_INPUT_VARIABLES))
                .toList();
        configuration.setCustomHistoryEventHandlers(new ArrayList<>(filtered));
    }

    /** The engine's database history without the change log of the named variables of each process (by key). */
    static final class CurrentValueOnly extends DbHistoryEventHandler {

        private final Map<String, Set<String>> variablesByProcess;

        CurrentValueOnly(Map<String, Set<String>> variablesByProcess) {
            this.variablesByProcess = Map.copyOf(variablesByProcess);
        }

        @Override
        protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
            Set<String> currentValueOnly = variablesByProcess.get(event.getProcessDefinitionKey());
            return (currentValueOnly == null || !currentValueOnly.contains(event.getVariableName()))
                    && super.shouldWriteHistoricDetail(event);
        }
    }

    /** Drops history events of the named variables and passes every other event on. */
    static final class Filtering implements HistoryEventHandler {

        private final HistoryEventHandler delegate;
        private final Set<String> variables;

        Filtering(HistoryEventHandler delegate, Set<String> variables) {
            this.delegate = delegate;
            this.variables = variables;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (!dropped(event)) {
                delegate.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            delegate.handleEvents(events.stream().filter(e -> !dropped(e)).toList());
        }

        private boolean dropped(HistoryEvent event) {
            return event instanceof HistoricVariableUpdateEventEntity update && variables.contains(update.getVariableName());
        }
    }
}
