package com.disclosuredesk.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Period;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The review side's settings bind application.yaml under {@code disclosure-desk.moderation.*} (triage, complaints,
 * referrals), and a missing triage block stops the start naming the property (the defaults live in the YAML only).
 */
class ModerationSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TriagePolicy.Settings.class, DecisionOutcomes.Settings.class, AuthorityReferrals.Settings.class})
    static class Settings {
    }

    private static ApplicationContextRunner runner(boolean withYaml) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withUserConfiguration(Settings.class)
                .withInitializer(context -> {
                    if (!withYaml) {
                        return;
                    }
                    try {
                        context.getEnvironment().getPropertySources().addLast(new YamlPropertySourceLoader()
                                .load("application.yaml", new ClassPathResource("application.yaml")).get(0));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Test
    void applicationYamlBindsTheReviewSettings() {
        runner(true).run(context -> {
            assertThat(context).hasNotFailed();
            TriagePolicy.Settings triage = context.getBean(TriagePolicy.Settings.class);
            assertThat(triage.classes().get(TriagePolicy.PriorityClass.CRITICAL))
                    .isEqualTo(new TriagePolicy.Clock(Duration.ofHours(1), 100));
            assertThat(triage.classes().get(TriagePolicy.PriorityClass.NORMAL))
                    .isEqualTo(new TriagePolicy.Clock(Duration.ofHours(72), 40));
            assertThat(triage.criticalSpecifications()).contains("CHILD_SEXUAL_ABUSE_MATERIAL", "TERRORIST_CONTENT", "COORDINATED_HARM");
            assertThat(triage.highCategories()).contains("UNSAFE_AND_PROHIBITED_PRODUCTS");
            assertThat(triage.manyNotices()).isEqualTo(10);
            assertThat(triage.viralNotices()).isEqualTo(100);
            assertThat(triage.escalatedPriority()).isEqualTo(90);
            assertThat(context.getBean(DecisionOutcomes.Settings.class).window()).isEqualTo(Period.ofMonths(6));
            assertThat(context.getBean(AuthorityReferrals.Settings.class).authorities()).containsEntry("DE", "Bundeskriminalamt (BKA)");
        });
    }

    @Test
    void withoutTheYamlTheStartStopsAndNamesTheProperty() {
        runner(false).run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("disclosure-desk.moderation."));
    }
}
