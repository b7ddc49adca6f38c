package com.disclosuredesk.process;

import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Wrapper;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * Tasklist and Cockpit call the engine through the web apps' own engine API ({@code /camunda/api/engine}), a Jersey
 * servlet that the Camunda starter registers with Camunda's exception handlers. There a broken rule of this process
 * (four eyes, ...) would reach the user as "ENGINE-03051 There was an exception while invoking the TaskListener
 * ...". This adds {@link ProcessRuleExceptionMapper} to that servlet too (it wins over Camunda's handlers by its
 * priority), so that Tasklist shows the rule's own message, as {@code /engine-rest} answers it.
 * <p>
 * The servlet is registered by the starter's initializer, whose order relative to ours is not defined, and it
 * starts on its first request; so the init parameter is added once the web context has started, before the
 * connector takes requests.
 */
@Component
public class WebappEngineApiRules implements TomcatContextCustomizer {

    /** The name under which the Camunda starter registers the web apps' engine API servlet. */
    static final String ENGINE_API_SERVLET = "Engine Api";

    private static final Logger LOG = LoggerFactory.getLogger(WebappEngineApiRules.class);

    @Override
    public void customize(Context context) {
        context.addLifecycleListener(event -> {
            if (!Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                return;
            }
            Container servlet = context.findChild(ENGINE_API_SERVLET);
            if (servlet instanceof Wrapper wrapper) {
                wrapper.addInitParameter(ServerProperties.PROVIDER_CLASSNAMES, String.join(",",
                        ProcessRuleExceptionMapper.ForEngineExceptions.class.getName(),
                        ProcessRuleExceptionMapper.ForRestExceptions.class.getName()));
            } else {
                LOG.warn("No servlet '{}' (the web apps' engine API): process rule messages stay wrapped there",
                        ENGINE_API_SERVLET);
            }
        });
    }
}
