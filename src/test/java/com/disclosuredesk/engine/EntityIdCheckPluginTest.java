package com.disclosuredesk.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;

class EntityIdCheckPluginTest {

    private final EntityIdCheckPlugin.EntityManager manager = new EntityIdCheckPlugin.EntityManager(new StrongUuidGenerator(), null);

    /** An entity whose toString() fails: a check that builds its message up front fails with it. */
    private static DbEntity entity(String id) {
        return new DbEntity() {
            @Override
            public String getId() {
                return id;
            }

            @Override
            public void setId(String newId) {
            }

            @Override
            public Object getPersistentState() {
                return id;
            }

            @Override
            public String toString() {
                if (id == null || id.equals("*")) {
                    return "Entity[" + id + "]";
                }
                throw new AssertionError("toString() called for a valid id");
            }
        };
    }

    @Test
    void aValidIdIsCheckedWithoutRenderingTheEntity() {
        manager.validateId(entity("3f1c2a8e-1111-4c3b-9a53-2b7e5d0c9f11"));
    }

    @Test
    void aMissingIdIsRefusedWithTheEnginesMessage() {
        assertThatThrownBy(() -> manager.validateId(entity(null)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Entity Entity[null] has an invalid id: id is null");
    }

    @Test
    void theWildcardIdIsRefusedWithTheEnginesMessage() {
        assertThatThrownBy(() -> manager.validateId(entity("*")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("cannot be *");
    }

    @Test
    void theFactoryOpensThisEntityManagerForTheEngine() {
        assertThat(new EntityIdCheckPlugin.Factory(new StrongUuidGenerator()).getSessionType())
                .isEqualTo(org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager.class);
    }
}
