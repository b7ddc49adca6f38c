package com.disclosuredesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class JobExecutorThreadsTest {

    @Test
    void oneThreadPerTwoCoresAtLeastOne() {
        assertThat(JobExecutorThreads.defaultThreads(1)).isEqualTo(1);
        assertThat(JobExecutorThreads.defaultThreads(2)).isEqualTo(1);
        assertThat(JobExecutorThreads.defaultThreads(3)).isEqualTo(1);
        assertThat(JobExecutorThreads.defaultThreads(8)).isEqualTo(4);
    }

    @Test
    void theDefaultFollowsTheCoresOfThisMachine() {
        StandardEnvironment environment = new StandardEnvironment();
        new JobExecutorThreads().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(JobExecutorThreads.PROPERTY, Integer.class))
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }

    @Test
    void aConfiguredNumberWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("operator", Map.of(JobExecutorThreads.PROPERTY, "6")));
        new JobExecutorThreads().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty(JobExecutorThreads.PROPERTY, Integer.class)).isEqualTo(6);
    }
}
