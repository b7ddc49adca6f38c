package com.disclosuredesk.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine side of "staff can do their own step and nothing else" (docs/security.md):
 * <ul>
 *   <li>{@link EngineCommandGuard} in the engine's command chains: a task accepts only its own outputs, and nobody
 *       writes the variables of a legal order, starts it elsewhere than at its start event, restarts it or sends its
 *       messages through the engine's APIs;</li>
 *   <li>the candidates of a task get {@code TASK_WORK} on it (claim, complete), not the engine's default
 *       {@code UPDATE}, which would let them change the task itself (assignee, owner, due date) and its variables.</li>
 * </ul>
 */
@Component
public class EngineTrustBoundaryPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineCommandGuard.verifyEngineInternals();
        configuration.setDefaultUserPermissionNameForTask(TaskPermissions.TASK_WORK.getName());
        configuration.setCustomPostCommandInterceptorsTxRequired(with(configuration.getCustomPostCommandInterceptorsTxRequired()));
        configuration.setCustomPostCommandInterceptorsTxRequiresNew(with(configuration.getCustomPostCommandInterceptorsTxRequiresNew()));
    }

    private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors) {
        List<CommandInterceptor> result = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
        result.add(0, new EngineCommandGuard());
        return result;
    }
}
