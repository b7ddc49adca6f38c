package com.disclosuredesk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says when the application really is ready: after "Started ..." Spring Boot still runs the application runners
 * (the demo subscriber data and the demo intake accounts on a first start); until they are done {@code /api} answers
 * 503 ({@link com.disclosuredesk.operations.NotReadyFilter}) and the readiness probe is DOWN. The browser tests wait
 * for this line.
 */
@Component
public class ReadyLog {

    static final String READY = "Disclosure Desk is ready";

    private static final Logger LOG = LoggerFactory.getLogger(ReadyLog.class);

    @EventListener
    public void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String base = "http://localhost:" + web.getWebServer().getPort();
            LOG.info("{}: Tasklist {}/camunda/app/tasklist/, Cockpit {}/camunda/app/cockpit/, transparency report {}/transparency",
                    READY, base, base, base);
        } else {
            LOG.info("{}", READY);
        }
    }
}
