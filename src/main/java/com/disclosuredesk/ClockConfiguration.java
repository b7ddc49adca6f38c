package com.disclosuredesk;

import java.time.Clock;

import com.disclosuredesk.engine.EngineClock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application and the engine: inject {@link Clock}; never read {@code ClockUtil} elsewhere. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
