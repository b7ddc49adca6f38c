package com.disclosuredesk.process;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;

/**
 * The engine wraps an exception thrown by a task listener into a generic exception, which the engine REST
 * API answers with 500 (directly, or wrapped again into a RestException by the resource). When the cause is
 * a rule of this process that the caller broke (four eyes, a missing reasoning, ...), answer 400 with that
 * rule's message instead; everything else is left to Camunda's own handlers.
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
            return rule == null ? camunda.toResponse(exception) : badRequest(rule);
        }
    }

    /** For exceptions that a REST resource wrapped into a RestException (claim, complete, ...). */
    @Priority(PRIORITY)
    public static class ForRestExceptions implements ExceptionMapper<RestException> {
        private final RestExceptionHandler camunda = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            BadUserRequestException rule = ruleViolation(exception);
            return rule == null ? camunda.toResponse(exception) : badRequest(rule);
        }
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
