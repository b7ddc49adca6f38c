package com.disclosuredesk.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/**
 * Engine internals ({@code org.camunda.bpm.engine.impl}) are used in package {@code engine} only, where
 * package-info.java says why each hook exists: an engine upgrade or a move to a fork knows where to look. The one
 * exception is {@link Authentication}, the return type of the public {@code IdentityService#getCurrentAuthentication()}.
 */
class EngineInternalsTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.disclosuredesk");

    @Test
    void onlyTheEnginePackageUsesEngineInternals() {
        noClasses().that().resideOutsideOfPackage("com.disclosuredesk.engine..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "are engine internals (org.camunda.bpm.engine.impl..) other than Authentication",
                        c -> c.getPackageName().startsWith("org.camunda.bpm.engine.impl")
                                && !c.isEquivalentTo(Authentication.class)))
                .because("engine-internal hooks live in com.disclosuredesk.engine (see its package-info)")
                .check(CLASSES);
    }
}
