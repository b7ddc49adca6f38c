package com.disclosuredesk.transparency;

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

/** disclosure-desk.transparency.ledger.verify.* binds from application.yaml, and a missing value stops the start. */
class LedgerVerificationSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(LedgerVerification.Settings.class)
    static class Settings {
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .withInitializer(context -> {
                    try {
                        context.getEnvironment().getPropertySources().addLast(new YamlPropertySourceLoader()
                                .load("application.yaml", new ClassPathResource("application.yaml")).get(0));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Test
    void applicationYamlBindsTheDefaults() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(LedgerVerification.Settings.class))
                    .isEqualTo(new LedgerVerification.Settings(Duration.ofHours(1), 30, Duration.ofSeconds(2), 10_000));
        });
    }

    @Test
    void aZeroRefillStopsTheStart() {
        runner().withPropertyValues("disclosure-desk.transparency.ledger.verify.refill=PT0S").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("refill must be positive"));
    }
}
