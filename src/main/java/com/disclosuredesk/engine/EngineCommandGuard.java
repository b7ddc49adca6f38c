package com.disclosuredesk.engine;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.disclosuredesk.moderation.ContentReportProcess;
import com.disclosuredesk.moderation.ModerationTaskOutputs;
import com.disclosuredesk.process.InvalidTaskInputException;
import com.disclosuredesk.process.LegalOrderProcess;
import com.disclosuredesk.process.TaskOutputs;

import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RestartProcessInstanceBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The engine's own APIs let whoever may work on a task write any process variable, through {@code /engine-rest} and
 * the web apps' engine API behind Tasklist alike (docs/security.md, "The trust boundary"). This interceptor sits in
 * the engine's command chain, after the command context is opened, and refuses, for every command that a signed-in
 * person sends (the application's own code and the job executor send none with a person's authentication, and
 * custom code runs with authorization checks off):
 * <ul>
 *   <li>on a task of {@code legal-order}: completions, form submissions and task-variable writes or removals with
 *       anything but the task's own outputs ({@link TaskOutputs}), by name and type;</li>
 *   <li>the start of {@code legal-order} with anything but the start form's fields, with a business key, or at any
 *       activity but its start event;</li>
 *   <li>writes and removals of process-instance and execution variables of {@code legal-order}, and
 *       process-instance modifications that carry variables;</li>
 *   <li>message correlation of the messages of {@code legal-order} (they come from the authority, through
 *       {@code /api/orders}) and signals to its executions;</li>
 *   <li>restarts of {@code legal-order} instances.</li>
 * </ul>
 * A refusal is an {@link InvalidTaskInputException} (or {@link EngineOperationRefusedException}) that names the
 * variable or the operation; both engine REST APIs answer it with 400, and the transaction never starts its work.
 * <p>
 * The engine has no public hook that sees a command's input before it runs, so the few fields read here are read by
 * reflection; {@link #verifyEngineInternals()} checks at start-up that every one of them exists, so that another
 * engine version (or a fork) fails to start instead of running unguarded.
 */
public class EngineCommandGuard extends CommandInterceptor {

    private static final String PROCESS_KEY = LegalOrderProcess.PROCESS_KEY;

    /**
     * The processes of part two ({@code content-report}, {@code misuse-review}): guarded like legal-order, and never
     * started through the engine's API by a person (notices arrive through /api/content-reports; suspensions are
     * proposed by the application).
     */
    static final Set<String> MODERATION_PROCESS_KEYS = Set.of(ContentReportProcess.PROCESS_KEY,
            ContentReportProcess.MISUSE_PROCESS_KEY);

    /** Every process this guard protects. */
    static final Set<String> GUARDED_PROCESS_KEYS = Set.of(PROCESS_KEY, ContentReportProcess.PROCESS_KEY,
            ContentReportProcess.MISUSE_PROCESS_KEY);

    /** The messages of legal-order: sent by the application only (the authority's clarification, withdrawal, ...). */
    static final Set<String> LEGAL_ORDER_MESSAGES = Set.of(LegalOrderProcess.MESSAGE_CLARIFICATION_RECEIVED,
            LegalOrderProcess.MESSAGE_ORDER_WITHDRAWN, LegalOrderProcess.MESSAGE_PRESERVATION_EXTENDED,
            LegalOrderProcess.MESSAGE_NON_DISCLOSURE_EXTENDED, ContentReportProcess.MESSAGE_COMPLAINT_RECEIVED);

    /** Every field this guard reads, by the class that declares it. */
    static final Map<Class<?>, List<String>> FIELDS = Map.ofEntries(
            Map.entry(CompleteTaskCmd.class, List.of("taskId", "variables")),
            Map.entry(SubmitTaskFormCmd.class, List.of("taskId", "properties")),
            Map.entry(AbstractVariableCmd.class, List.of("entityId")),
            Map.entry(AbstractSetVariableCmd.class, List.of("variables")),
            Map.entry(AbstractRemoveVariableCmd.class, List.of("variableNames")),
            Map.entry(AbstractPatchVariablesCmd.class, List.of("entityId", "variables", "deletions")),
            Map.entry(StartProcessInstanceCmd.class, List.of("instantiationBuilder")),
            Map.entry(StartProcessInstanceAtActivitiesCmd.class, List.of("instantiationBuilder")),
            Map.entry(SubmitStartFormCmd.class, List.of("processDefinitionId", "businessKey", "variables")),
            Map.entry(ModifyProcessInstanceCmd.class, List.of("builder")),
            Map.entry(ModifyProcessInstanceAsyncCmd.class, List.of("builder")),
            Map.entry(AbstractCorrelateMessageCmd.class, List.of("builder")),
            Map.entry(MessageEventReceivedCmd.class, List.of("executionId", "messageName")),
            Map.entry(SignalCmd.class, List.of("executionId")),
            Map.entry(AbstractRestartProcessInstanceCmd.class, List.of("builder")));

    private static final Map<String, Field> FIELD_CACHE = new ConcurrentHashMap<>();

    @Override
    public <T> T execute(Command<T> command) {
        CommandContext context = Context.getCommandContext();
        if (context != null && context.isAuthorizationCheckEnabled()) {
            Authentication user = context.getAuthentication();
            if (user != null && user.getUserId() != null) {
                check(command, context);
            }
        }
        return next.execute(command);
    }

    /** Fails unless every field read by this guard exists in the engine on the class path. */
    public static void verifyEngineInternals() {
        FIELDS.forEach((type, names) -> names.forEach(name -> field(type, name)));
    }

    private void check(Command<?> command, CommandContext context) {
        // tasks: only their own outputs
        if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
            taskInput(context, read(command, CompleteTaskCmd.class, "taskId"), map(read(command, CompleteTaskCmd.class, "variables")), List.of());
        } else if (command instanceof SubmitTaskFormCmd) {
            taskInput(context, read(command, SubmitTaskFormCmd.class, "taskId"), map(read(command, SubmitTaskFormCmd.class, "properties")), List.of());
        } else if (command instanceof SetTaskVariablesCmd) {
            taskInput(context, read(command, AbstractVariableCmd.class, "entityId"), map(read(command, AbstractSetVariableCmd.class, "variables")), List.of());
        } else if (command instanceof RemoveTaskVariablesCmd) {
            taskInput(context, read(command, AbstractVariableCmd.class, "entityId"), Map.of(), names(read(command, AbstractRemoveVariableCmd.class, "variableNames")));
        } else if (command instanceof PatchTaskVariablesCmd) {
            taskInput(context, read(command, AbstractPatchVariablesCmd.class, "entityId"), map(read(command, AbstractPatchVariablesCmd.class, "variables")),
                    names(read(command, AbstractPatchVariablesCmd.class, "deletions")));
        // process instances and executions: written by the process only
        } else if (command instanceof SetExecutionVariablesCmd) {
            executionVariables(context, read(command, AbstractVariableCmd.class, "entityId"), map(read(command, AbstractSetVariableCmd.class, "variables")).keySet());
        } else if (command instanceof RemoveExecutionVariablesCmd) {
            executionVariables(context, read(command, AbstractVariableCmd.class, "entityId"), names(read(command, AbstractRemoveVariableCmd.class, "variableNames")));
        } else if (command instanceof PatchExecutionVariablesCmd) {
            String execution = read(command, AbstractPatchVariablesCmd.class, "entityId");
            executionVariables(context, execution, map(read(command, AbstractPatchVariablesCmd.class, "variables")).keySet());
            executionVariables(context, execution, names(read(command, AbstractPatchVariablesCmd.class, "deletions")));
        // starts: at the start event, with the start form's fields only
        } else if (command instanceof StartProcessInstanceCmd) {
            start(context, read(command, StartProcessInstanceCmd.class, "instantiationBuilder"));
        } else if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            ProcessInstantiationBuilderImpl builder = read(command, StartProcessInstanceAtActivitiesCmd.class, "instantiationBuilder");
            if (isGuarded(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey())) {
                throw new EngineOperationRefusedException("A legal order or a content report starts at its start event only (POST /api/orders, or the "
                        + "start form in Tasklist); it is never started at another activity.");
            }
        } else if (command instanceof SubmitStartFormCmd) {
            String definition = read(command, SubmitStartFormCmd.class, "processDefinitionId");
            refuseModerationStart(context, definition, null);
            if (isLegalOrder(context, definition, null)) {
                startInput(read(command, SubmitStartFormCmd.class, "businessKey"), map(read(command, SubmitStartFormCmd.class, "variables")));
            }
        // moving instances, messages, signals, restarts
        } else if (command instanceof ModifyProcessInstanceCmd) {
            modification(context, read(command, ModifyProcessInstanceCmd.class, "builder"));
        } else if (command instanceof ModifyProcessInstanceAsyncCmd) {
            modification(context, read(command, ModifyProcessInstanceAsyncCmd.class, "builder"));
        } else if (command instanceof AbstractCorrelateMessageCmd) {
            MessageCorrelationBuilderImpl builder = read(command, AbstractCorrelateMessageCmd.class, "builder");
            message(builder.getMessageName());
        } else if (command instanceof MessageEventReceivedCmd) {
            message(read(command, MessageEventReceivedCmd.class, "messageName"));
        } else if (command instanceof SignalCmd) {
            ExecutionEntity execution = context.getExecutionManager().findExecutionById(read(command, SignalCmd.class, "executionId"));
            if (execution != null && isGuarded(context, execution.getProcessDefinitionId(), null)) {
                throw new EngineOperationRefusedException("The executions of a legal order or a content report are moved by the process only: "
                        + "signalling them is refused.");
            }
        } else if (command instanceof AbstractRestartProcessInstanceCmd<?>) {
            RestartProcessInstanceBuilderImpl builder = read(command, AbstractRestartProcessInstanceCmd.class, "builder");
            if (isGuarded(context, builder.getProcessDefinitionId(), null)) {
                throw new EngineOperationRefusedException("A legal order or a content report is never restarted: a new "
                        + "order or notice is submitted instead.");
            }
        }
    }

    private static void taskInput(CommandContext context, String taskId, Map<String, ?> variables, Collection<String> removals) {
        if (taskId == null || (variables.isEmpty() && removals.isEmpty())) {
            return;
        }
        TaskEntity task = context.getTaskManager().findTaskById(taskId);
        String key = task == null || task.getProcessDefinitionId() == null ? null : processKey(context, task.getProcessDefinitionId());
        if (key == null || !GUARDED_PROCESS_KEYS.contains(key)) {
            return; // the command itself answers an unknown task; tasks of other processes are not guarded here
        }
        String element = task.getTaskDefinitionKey();
        boolean moderation = MODERATION_PROCESS_KEYS.contains(key);
        variables.forEach((name, value) -> (moderation ? ModerationTaskOutputs.problem(element, name, value)
                : TaskOutputs.problem(element, name, value)).ifPresent(problem -> {
            throw new InvalidTaskInputException(name, problem);
        }));
        for (String name : removals) {
            if (!(moderation ? ModerationTaskOutputs.of(element) : TaskOutputs.of(element)).containsKey(name)) {
                throw new InvalidTaskInputException(name, "cannot be removed: it is not an output of " + element);
            }
        }
    }

    private static void executionVariables(CommandContext context, String executionId, Collection<String> names) {
        if (executionId == null || names.isEmpty()) {
            return;
        }
        ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
        if (execution != null && isGuarded(context, execution.getProcessDefinitionId(), null)) {
            String name = names.iterator().next();
            throw new InvalidTaskInputException(name, "the variables of a legal order or a content report are written by the process only; "
                    + "complete your task with its own outputs instead");
        }
    }

    private static void start(CommandContext context, ProcessInstantiationBuilderImpl builder) {
        refuseModerationStart(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey());
        if (!isLegalOrder(context, builder.getProcessDefinitionId(), builder.getProcessDefinitionKey())) {
            return;
        }
        ProcessInstanceModificationBuilderImpl instructions = builder.getModificationBuilder();
        if (instructions != null && !instructions.getModificationOperations().isEmpty()) {
            throw new EngineOperationRefusedException("A legal order starts at its start event only (POST /api/orders, or the "
                    + "start form in Tasklist); it is never started at another activity.");
        }
        startInput(builder.getBusinessKey(), builder.getVariables() == null ? Map.of() : builder.getVariables());
    }

    private static void startInput(String businessKey, Map<String, ?> variables) {
        if (businessKey != null && !businessKey.isBlank()) {
            throw new InvalidTaskInputException("businessKey", "is given by the application: the tracking number of the "
                    + "order that the start form registers");
        }
        variables.forEach((name, value) -> TaskOutputs.problem(TaskOutputs.START_FORM, name, value).ifPresent(problem -> {
            throw new InvalidTaskInputException(name, problem);
        }));
    }

    private static void modification(CommandContext context, ProcessInstanceModificationBuilderImpl builder) {
        String processInstanceId = builder.getProcessInstanceId();
        ExecutionEntity instance = processInstanceId == null ? null : context.getExecutionManager().findExecutionById(processInstanceId);
        if (instance == null || !isGuarded(context, instance.getProcessDefinitionId(), null)) {
            return;
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        if (builder.getProcessVariables() != null) {
            variables.putAll(builder.getProcessVariables());
        }
        for (AbstractProcessInstanceModificationCommand operation : builder.getModificationOperations()) {
            if (operation instanceof AbstractInstantiationCmd instantiation) {
                variables.putAll(instantiation.getVariables());
                variables.putAll(instantiation.getVariablesLocal());
            }
        }
        if (!variables.isEmpty()) {
            throw new InvalidTaskInputException(variables.keySet().iterator().next(), "the variables of a legal order or a "
                    + "content report are written by the process only; a modification of its instance may not carry variables");
        }
    }

    private static void message(String messageName) {
        if (messageName != null && LEGAL_ORDER_MESSAGES.contains(messageName)) {
            throw new EngineOperationRefusedException("The message " + messageName + " comes from the application only ("
                    + "/api/orders, /api/content-reports); it cannot be correlated through the engine's API.");
        }
    }

    private static void refuseModerationStart(CommandContext context, String processDefinitionId, String processDefinitionKey) {
        String key = processDefinitionKey != null ? processDefinitionKey : processKey(context, processDefinitionId);
        if (key != null && MODERATION_PROCESS_KEYS.contains(key)) {
            throw new EngineOperationRefusedException("A " + key + " instance is started by the application only (a notice "
                    + "through POST /api/content-reports, a suspension proposed by the misuse check); never through the "
                    + "engine's API.");
        }
    }

    private static boolean isLegalOrder(CommandContext context, String processDefinitionId, String processDefinitionKey) {
        if (processDefinitionKey != null) {
            return PROCESS_KEY.equals(processDefinitionKey);
        }
        return PROCESS_KEY.equals(processKey(context, processDefinitionId));
    }

    private static boolean isGuarded(CommandContext context, String processDefinitionId, String processDefinitionKey) {
        String key = processDefinitionKey != null ? processDefinitionKey : processKey(context, processDefinitionId);
        return key != null && GUARDED_PROCESS_KEYS.contains(key);
    }

    private static String processKey(CommandContext context, String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        ProcessDefinition definition = context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(processDefinitionId);
        return definition == null ? null : definition.getKey();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> map(Object value) {
        return value == null ? Map.of() : (Map<String, ?>) value;
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> names(Object value) {
        return value == null ? List.of() : (Collection<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static <V> V read(Object command, Class<?> declaring, String name) {
        try {
            return (V) field(declaring, name).get(command);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Cannot read " + declaring.getSimpleName() + "." + name, e);
        }
    }

    private static Field field(Class<?> declaring, String name) {
        return FIELD_CACHE.computeIfAbsent(declaring.getName() + "#" + name, key -> {
            try {
                Field field = declaring.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("The engine on the class path has no " + declaring.getName() + "." + name
                        + ": EngineCommandGuard does not know this engine version", e);
            }
        });
    }
}
