package com.disclosuredesk.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.junit.jupiter.api.Test;

class LeanHistoryLevelTest {

    private final LeanHistoryLevel level = new LeanHistoryLevel(Map.of("legal-order", Set.of("authorityName")));

    @Test
    void isFullUnderItsOwnNameWithFullsIdSoThatDatabasesAtFullRunOn() {
        assertThat(level.getName()).isEqualTo("full-lean");
        assertThat(level.getId()).isEqualTo(3);
    }

    @Test
    void aRecordCopyOfItsProcessHasNoHistoryInAnyOfItsEvents() {
        VariableInstanceEntity copy = variable("legal-order:4:6f1c", "authorityName");
        for (HistoryEventTypes type : new HistoryEventTypes[] {HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
                HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
                HistoryEventTypes.VARIABLE_INSTANCE_DELETE}) {
            assertThat(level.isHistoryEventProduced(type, copy)).as("%s", type).isFalse();
        }
    }

    @Test
    void otherVariablesAndTheSameNameInOtherProcessesKeepFullHistory() {
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
                variable("legal-order:4:6f1c", "analysisDecision"))).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
                variable("content-report:1:aa", "authorityName"))).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
                variable("legal-order-test:1:aa", "authorityName"))).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.VARIABLE_INSTANCE_CREATE, variable(null, "authorityName")))
                .isTrue();
    }

    @Test
    void asynchronousContinuationsLogTheirExecutionsAndTimersLogEverything() {
        MessageEntity continuation = new MessageEntity();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, continuation)).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_DELETE, continuation)).isFalse();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_SUCCESS, continuation)).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_FAIL, continuation)).isTrue();
        TimerEntity timer = new TimerEntity();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_CREATE, timer)).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.JOB_DELETE, timer)).isTrue();
    }

    @Test
    void everythingElseIsFull() {
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.ACTIVITY_INSTANCE_START, null)).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.INCIDENT_CREATE, null)).isTrue();
        assertThat(level.isHistoryEventProduced(HistoryEventTypes.TASK_INSTANCE_CREATE, null)).isTrue();
    }

    private static VariableInstanceEntity variable(String processDefinitionId, String name) {
        VariableInstanceEntity variable = new VariableInstanceEntity();
        variable.setName(name);
        variable.setProcessDefinitionId(processDefinitionId);
        return variable;
    }
}
