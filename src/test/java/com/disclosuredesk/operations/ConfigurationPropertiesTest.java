package com.disclosuredesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import com.disclosuredesk.disclosure.DisclosureProperties;
import com.disclosuredesk.engine.IdentityBootstrapPlugin;
import com.disclosuredesk.engine.NodeIdentityPlugin;
import com.disclosuredesk.intake.RequestClarificationDelegate;
import com.disclosuredesk.misuse.MisusePolicy;
import com.disclosuredesk.preservation.PreservationPolicy;
import com.disclosuredesk.security.CredentialCache;
import com.disclosuredesk.subscribers.DemoSubscriberDataLoader;
import com.disclosuredesk.transparency.ModerationRollup;
import com.disclosuredesk.transparency.TransparencySchedule;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The settings records bind application.yaml (and application-demo.yaml) under the property names operators use, and
 * a missing value stops the start with the property's name: the defaults live in the YAML only.
 */
class ConfigurationPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CredentialCache.Settings.class, OrderMetrics.Settings.class,
            EmbeddedDatabaseHousekeeping.Settings.class, NodeIdentityPlugin.Settings.class,
            RequestClarificationDelegate.Settings.class, DisclosureProperties.class, PreservationPolicy.Settings.class,
            TransparencySchedule.Settings.class, IdentityBootstrapPlugin.Settings.class,
            DemoSubscriberDataLoader.Settings.class,
            MisusePolicy.Settings.class, ModerationRollup.Settings.class})
    static class Settings {
    }

    private static ApplicationContextRunner runner(String... yamlFiles) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                        ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .withInitializer(context -> addYaml(context, yamlFiles));
    }

    private static void addYaml(ConfigurableApplicationContext context, String... files) {
        try {
            // later files win, as with profiles; properties set by a test win over all files
            for (int i = files.length - 1; i >= 0; i--) {
                List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(files[i], new ClassPathResource(files[i]));
                // the first document only (the second is activated by profile)
                context.getEnvironment().getPropertySources().addLast(sources.get(0));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void applicationYamlBindsEveryRecordUnderItsPropertyNames() {
        runner("application.yaml", "application-demo.yaml").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(CredentialCache.Settings.class).credentialCacheTtl()).isEqualTo(Duration.ofSeconds(30));
            assertThat(context.getBean(OrderMetrics.Settings.class).maxAge()).isEqualTo(Duration.ofSeconds(5));
            assertThat(context.getBean(EmbeddedDatabaseHousekeeping.Settings.class).housekeepingIntervalMs()).isEqualTo(200L);
            assertThat(context.getBean(RequestClarificationDelegate.Settings.class).timeout()).isEqualTo(Duration.ofDays(14));
            assertThat(context.getBean(DisclosureProperties.class).retention()).isEqualTo(Duration.ofDays(30));
            assertThat(context.getBean(DisclosureProperties.class).encryptionKey()).isNotBlank();
            PreservationPolicy.Settings preservation = context.getBean(PreservationPolicy.Settings.class);
            assertThat(preservation.hold().eu()).isEqualTo(Duration.ofDays(60));
            assertThat(preservation.hold().other()).isEqualTo(Duration.ofDays(90));
            assertThat(preservation.extension().eu()).isEqualTo(Duration.ofDays(30));
            assertThat(preservation.extension().other()).isEqualTo(Duration.ofDays(90));
            assertThat(context.getBean(TransparencySchedule.Settings.class).reportCron()).isEqualTo("0 0 12 1 1,4,7,10 ?");
            assertThat(context.getBean(IdentityBootstrapPlugin.Settings.class).users()).isTrue();
            assertThat(context.getBean(DemoSubscriberDataLoader.Settings.class).accounts()).isEqualTo(5000);
            assertThat(context.getBean(DemoSubscriberDataLoader.Settings.class).ipEntriesPerAccount()).isEqualTo(35);
            MisusePolicy.Settings misuse = context.getBean(MisusePolicy.Settings.class);
            assertThat(misuse.notifier().window()).isEqualTo(Duration.ofDays(90));
            assertThat(misuse.notifier().minimumCount()).isEqualTo(7);
            assertThat(misuse.notifier().sharePercent()).isEqualTo(70);
            assertThat(misuse.account().minimumCount()).isEqualTo(3);
            assertThat(misuse.complainant().sharePercent()).isEqualTo(80);
            assertThat(misuse.pauseAfterWarning()).isEqualTo(Duration.ofDays(7));
            assertThat(misuse.suspension().defaultDays()).isEqualTo(30);
            assertThat(misuse.suspension().maximumDays()).isEqualTo(180);
            new MisusePolicy(misuse); // within their ranges
            // the rollup's defaults for code without Spring (tests, the benchmark) are application.yaml's
            assertThat(context.getBean(ModerationRollup.Settings.class)).isEqualTo(ModerationRollup.Settings.defaults());
        });
    }

    @Test
    void withoutTheDemoNoDemoUsers() {
        runner("application.yaml")
                .withPropertyValues("disclosure-desk.demo.subscribers.accounts=0",
                        "disclosure-desk.demo.subscribers.ip-entries-per-account=35")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(IdentityBootstrapPlugin.Settings.class).users()).isFalse();
                    assertThat(context.getBean(NodeIdentityPlugin.Settings.class).nodeId()).isNull();
                });
    }

    @Test
    void aMissingOrInvalidValueStopsTheStartAndNamesIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
                        ValidationAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("disclosure-desk."));
        runner("application.yaml", "application-demo.yaml")
                .withPropertyValues("disclosure-desk.demo.subscribers.ip-entries-per-account=0")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("disclosure-desk.demo.subscribers"));
    }
}
