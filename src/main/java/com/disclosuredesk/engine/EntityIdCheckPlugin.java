package com.disclosuredesk.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.IdGenerator;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.PersistenceSession;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Removes a cost the engine pays on every row it inserts: Camunda 7.24's {@code DbEntityManager.validateId} builds its
 * error message ({@code "Entity " + entity + " has an invalid id"}, the entity's whole {@code toString()}: every field of
 * a history event, a variable, a job) before it checks the id, for every insert, although the message is needed only
 * when the check fails. Measured with Java Flight Recorder under load: about 4% of the application's CPU time
 * (docs/performance.md).
 *
 * <p>The entity manager here makes the same checks (an id is given and is not the wildcard {@code *}) and leaves the
 * message to the engine's own check when one fails, so errors read as before. Everything else is the engine's.
 */
@Component
public class EntityIdCheckPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        configuration.getSessionFactories().put(DbEntityManager.class, new Factory(configuration.getIdGenerator()));
    }

    public static final class Factory extends DbEntityManagerFactory {

        Factory(IdGenerator idGenerator) {
            super(idGenerator);
        }

        @Override
        public DbEntityManager openSession() {
            return new EntityManager(idGenerator, Context.getCommandContext().getSession(PersistenceSession.class));
        }
    }

    public static final class EntityManager extends DbEntityManager {

        EntityManager(IdGenerator idGenerator, PersistenceSession persistenceSession) {
            super(idGenerator, persistenceSession);
        }

        @Override
        protected void validateId(DbEntity dbEntity) {
            String id = dbEntity.getId();
            if (id == null || id.equals("*")) {
                super.validateId(dbEntity);
            }
        }
    }
}
