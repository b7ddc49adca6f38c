package com.disclosuredesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;


import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The intake settings ({@code disclosure-desk.moderation.intake.*}) bind application.yaml, where their defaults live,
 * and a missing value stops the start naming the property (as operations.ConfigurationPropertiesTest checks the others).
 */
class IntakeSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(NoticeIntakeService.Settings.class)
    static class Settings {
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withUserConfiguration(Settings.class);
    }

    @Test
    void applicationYamlHoldsTheDefaults() {
        runner().withInitializer(context -> {
            try {
                context.getEnvironment().getPropertySources().addLast(new YamlPropertySourceLoader()
                        .load("application.yaml", new ClassPathResource("application.yaml")).get(0));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(NoticeIntakeService.Settings.class).decidedCaseWindow()).isEqualTo(Duration.ofDays(30));
        });
    }

    @Test
    void aMissingValueStopsTheStartAndNamesIt() {
        runner().run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("disclosure-desk.moderation.intake."));
        runner().withPropertyValues("disclosure-desk.moderation.intake.decided-case-window=-PT1S")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("decided-case-window"));
    }
}
