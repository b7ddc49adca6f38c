package com.disclosuredesk.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine wraps an exception thrown by a task listener into a generic exception, which the engine REST
 * API answers with 500 (directly, or wrapped again into a RestException by the resource). When the cause is
 * a rule of this process that the caller broke (four eyes, a missing reasoning, ...), answer 400 with that
 * rule's message instead.
 * <p>
 * A lost race answers {@code 409 Conflict} instead of {@code 500}: two approvers completing the same task at once, or an
 * approval and a withdrawal of the same order; the engine detects it as an {@link OptimisticLockingException} when
 * the loser's transaction is written, and rolls the loser back. A task that is gone by the time the request arrives
 * (completed by someone else a moment earlier) answers {@code 404}. Everything else is left to Camunda's own handlers.
 * <p>
 * The priority makes Jersey prefer these mappers where Camunda's own handlers are registered too (the web apps'
 * engine API, see {@link WebappEngineApiRules}): at the same exception type, the lower priority value wins.
 */
public final class ProcessRuleExceptionMapper {

    /** Below Jersey's default of 5000 for providers without a priority, such as Camunda's exception handlers. */
    static final int PRIORITY = 1000;

    private ProcessRuleExceptionMapper() {}

    /** For exceptions that reach the REST layer as they are. */
    @Priority(PRIORITY)
    public static class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
        private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            BadUserRequestException rule = ruleViolation(exception);
            Response known = rule == null ? conflictOrGone(exception) : badRequest(rule);
            return known == null ? camunda.toResponse(exception) : known;
        }
    }

    /** For exceptions that a REST resource wrapped into a RestException (claim, complete, ...). */
    @Priority(PRIORITY)
    public static class ForRestExceptions implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            BadUserRequestException rule = ruleViolation(exception);
            Response known = rule == null ? conflictOrGone(exception) : badRequest(rule);
            return known == null ? camunda.toResponse(exception) : known;
        }
    }

    /** 409 for a concurrent change (the loser of a race), 404 for what no longer exists; null for anything else. */
    static Response conflictOrGone(Throwable exception) {
        if (inCauses(exception, OptimisticLockingException.class) != null) {
            return answer(Response.Status.CONFLICT, OptimisticLockingException.class.getSimpleName(),
                    "Someone else changed this at the same time (for example completed the task, or the order was "
                            + "withdrawn); nothing of this request was done. Reload and decide again.");
        }
        NotFoundException notFound = inCauses(exception, NotFoundException.class);
        if (notFound != null) {
            return answer(Response.Status.NOT_FOUND, NotFoundException.class.getSimpleName(), notFound.getMessage());
        }
        // completing a task that is gone: the engine says "Cannot find task with id ...: task is null"
        NullValueException missing = inCauses(exception, NullValueException.class);
        if (missing != null && missing.getMessage() != null && missing.getMessage().startsWith("Cannot find task with id")) {
            return answer(Response.Status.NOT_FOUND, NotFoundException.class.getSimpleName(), missing.getMessage());
        }
        return null;
    }

    private static <T extends Throwable> T inCauses(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Response answer(Response.Status status, String type, String message) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(type);
        dto.setMessage(message);
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response badRequest(BadUserRequestException rule) {
        ExceptionDto dto = new ExceptionDto();
        dto.setType(rule.getClass().getSimpleName());
        dto.setMessage(rule.getMessage());
        return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The innermost rule violation of this application in the cause chain, if any. */
    static BadUserRequestException ruleViolation(Throwable exception) {
        BadUserRequestException found = null;
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BadUserRequestException bad && t.getClass().getName().startsWith("com.disclosuredesk.")) {
                found = bad;
            }
        }
        return found;
    }
}
