package com.disclosuredesk.process;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.ApplicationPath;

import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * The engine REST API as the starter configures it, except that the two exception mappers for engine and
 * REST exceptions are replaced by {@link ProcessRuleExceptionMapper}, which answers a broken rule of this
 * process with 400 and hands everything else to Camunda's own mappers.
 */
@Component
@ApplicationPath("/engine-rest")
public class EngineRestConfiguration extends CamundaJerseyResourceConfig {

    private static final Set<Class<?>> REPLACED = Set.of(ProcessEngineExceptionHandler.class, RestExceptionHandler.class);

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        registerClasses(CamundaRestResources.getConfigurationClasses().stream()
                .filter(c -> !REPLACED.contains(c))
                .collect(Collectors.toSet()));
        register(JacksonFeature.class);
        register(ProcessRuleExceptionMapper.ForEngineExceptions.class);
        register(ProcessRuleExceptionMapper.ForRestExceptions.class);
    }
}
