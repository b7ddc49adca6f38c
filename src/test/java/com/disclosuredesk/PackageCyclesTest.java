package com.disclosuredesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The top-level packages of com.disclosuredesk depend on each other without cycles (issue 15: disclosure and
 * preservation, analysis and approval, order and subscribers were cycles), so that each can be read, and changed,
 * knowing only the packages below it. Production classes only: tests may wire packages together.
 */
class PackageCyclesTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.disclosuredesk");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("com.disclosuredesk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * Preservation builds on disclosure (its package format, cipher and the interface through which a disclosure
     * reads a held snapshot, {@code disclosure.PreservedSnapshots}); disclosure knows nothing of preservation.
     */
    @Test
    void disclosureDoesNotDependOnPreservation() {
        noClasses().that().resideInAPackage("com.disclosuredesk.disclosure..")
                .should().dependOnClassesThat().resideInAPackage("com.disclosuredesk.preservation..")
                .check(CLASSES);
    }
}
