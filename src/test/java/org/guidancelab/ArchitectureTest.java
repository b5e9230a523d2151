package org.guidancelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Holds the package arrows of the README's "Code layout": each package imports only the packages listed above it. */
class ArchitectureTest {
    private static final String ROOT = "org.guidancelab";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    @Test
    void noCyclesBetweenPackages() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackages(pkg("ui")).and().doNotHaveFullyQualifiedName(ROOT + ".Main")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..", "org.jfree.chart.fx..")
                .check(classes);
    }

    @Test
    void modelPackagesImportNeitherNd4jNorJavaFx() {
        noClasses().that().resideInAnyPackage(pkg("arch"), pkg("experiment"), pkg("data"))
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "javafx..", "org.jfree..")
                .check(classes);
    }

    @Test
    void archImportsNothingOfOurs() {
        noClasses().that().resideInAPackage(pkg("arch")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("experiment"), pkg("data"), pkg("engine"), pkg("runs"), pkg("figures"), pkg("reproduce"), pkg("ui"), pkg("cli"))
                .check(classes);
    }

    /** platform (folders, settings, version) sits below everything: any package may use it, it uses none of ours. */
    @Test
    void platformImportsNothingOfOurs() {
        noClasses().that().resideInAPackage(pkg("platform")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("arch"), pkg("experiment"), pkg("data"), pkg("engine"), pkg("runs"), pkg("figures"),
                        pkg("reproduce"), pkg("ui"), pkg("cli"))
                .check(classes);
    }

    @Test
    void experimentImportsOnlyArchAndData() {
        noClasses().that().resideInAPackage(pkg("experiment")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("engine"), pkg("runs"), pkg("figures"), pkg("reproduce"), pkg("ui"), pkg("cli"))
                .check(classes);
    }

    @Test
    void dataImportsNothingAboveIt() {
        noClasses().that().resideInAPackage(pkg("data")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("engine"), pkg("runs"), pkg("figures"), pkg("reproduce"), pkg("ui"), pkg("cli"))
                .check(classes);
    }

    @Test
    void engineImportsNeitherRunsFiguresUiNorCli() {
        noClasses().that().resideInAPackage(pkg("engine")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("runs"), pkg("figures"), pkg("reproduce"), pkg("ui"), pkg("cli"))
                .check(classes);
    }

    @Test
    void runsImportsNeitherFiguresUiNorCli() {
        noClasses().that().resideInAPackage(pkg("runs")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("figures"), pkg("reproduce"), pkg("ui"), pkg("cli"))
                .check(classes);
    }

    @Test
    void figuresImportNeitherReproduceUiNorCli() {
        noClasses().that().resideInAPackage(pkg("figures")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("reproduce"), pkg("ui"), pkg("cli"))
                .check(classes);
    }

    /** reproduce sits above figures: it may use experiment, data, engine, runs and figures; cli and ui may use it. */
    @Test
    void reproduceImportsNeitherUiNorCli() {
        noClasses().that().resideInAPackage(pkg("reproduce")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("ui"), pkg("cli"))
                .check(classes);
    }

    @Test
    void nothingImportsUiOrCliButTheLauncher() {
        noClasses().that().resideOutsideOfPackages(pkg("ui"), pkg("cli")).and().doNotHaveFullyQualifiedName(ROOT + ".Main")
                .should().dependOnClassesThat().resideInAnyPackage(pkg("ui"), pkg("cli"))
                .check(classes);
        noClasses().that().resideInAPackage(pkg("ui")).should().dependOnClassesThat().resideInAPackage(pkg("cli")).check(classes);
        noClasses().that().resideInAPackage(pkg("cli")).should().dependOnClassesThat().resideInAPackage(pkg("ui")).check(classes);
    }
}
