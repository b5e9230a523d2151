package org.guidancelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.runs.RunWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layout as rules. Data flows down; a package imports only the packages above it:
 * arch, data, experiment, engine, runs, session, sweep, figures, reproduce, then ui and cli at the bottom (bench
 * beside them, for cli; spark, the Spark executor of src/spark, on sweep; onnx, the ONNX converter of src/onnx, on engine); platform (process set-up, folders) sits above everything, so any package may use it. Every rule must match some class
 * (archunit.properties: failOnEmptyShould), so none passes by checking nothing.
 */
class ArchitectureTest {
    private static final String ROOT = "org.guidancelab";
    private static final String[] JAVAFX = {"javafx..", "org.controlsfx..", "atlantafx..", "org.kordamp..", "org.jfree.chart.fx.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ArchitectureTest::productionClass).importPackages(ROOT);
    }

    /**
     * The main classes, and the Spark executor (src/spark: compiled with the tests against the test-scoped Spark, and
     * shipped as its own jar), without the tests.
     */
    private static boolean productionClass(com.tngtech.archunit.core.importer.Location location) {
        if (ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)) {
            return true;
        }
        return (location.contains("/org/guidancelab/spark/") || location.contains("/org/guidancelab/onnx/"))
                && !location.matches(java.util.regex.Pattern.compile(".*(IT|Test|Fixture)(\\$[^/]*)?\\.class$"));
    }

    private static String pkg(String name) {
        return ROOT + "." + name + "..";
    }

    /** The Spark executor lives outside src/main (decision 0021) but is held to the same rules. */
    @Test
    void theSparkExecutorIsChecked() {
        org.junit.jupiter.api.Assertions.assertTrue(classes.stream().anyMatch(c -> c.getName().equals(ROOT + ".spark.SparkBackend")));
        org.junit.jupiter.api.Assertions.assertTrue(classes.stream().noneMatch(c -> c.getSimpleName().endsWith("IT")));
    }

    /** The ONNX converter of the child JVM lives outside src/main too (decision 0024), under the same rules. */
    @Test
    void theOnnxConverterIsChecked() {
        org.junit.jupiter.api.Assertions.assertTrue(classes.stream().anyMatch(c -> c.getName().equals(ROOT + ".onnx.OnnxConvertMain")));
    }

    /** Every package its own slice (ui.dashboard and ui.builder too), so a cycle between sub-packages fails. */
    @Test
    void noCyclesBetweenPackagesAtAnyLevel() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachPackageImportsOnlyThePackagesAboveIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true)
                .layer("platform").definedBy(pkg("platform"))
                .layer("arch").definedBy(pkg("arch"))
                .layer("data").definedBy(pkg("data"))
                .layer("experiment").definedBy(pkg("experiment"))
                .layer("engine").definedBy(pkg("engine"))
                .layer("runs").definedBy(pkg("runs"))
                .layer("session").definedBy(pkg("session"))
                .layer("sweep").definedBy(pkg("sweep"))
                .layer("figures").definedBy(pkg("figures"))
                .layer("reproduce").definedBy(pkg("reproduce"))
                .layer("bench").definedBy(pkg("bench"))
                .layer("ui").definedBy(pkg("ui"))
                .layer("cli").definedBy(pkg("cli"))
                .layer("spark").definedBy(pkg("spark"))
                .layer("onnx").definedBy(pkg("onnx"))
                .whereLayer("platform").mayNotAccessAnyLayer()
                .whereLayer("arch").mayOnlyAccessLayers("platform")
                .whereLayer("data").mayOnlyAccessLayers("platform", "arch")
                .whereLayer("experiment").mayOnlyAccessLayers("platform", "arch", "data")
                .whereLayer("engine").mayOnlyAccessLayers("platform", "arch", "data", "experiment")
                .whereLayer("runs").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine")
                .whereLayer("session").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine", "runs")
                .whereLayer("sweep").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine", "runs", "session")
                .whereLayer("figures").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine", "runs",
                        "session", "sweep")
                .whereLayer("reproduce").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine", "runs",
                        "session", "sweep", "figures")
                .whereLayer("bench").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine")
                .whereLayer("ui").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine", "runs", "session",
                        "sweep", "figures", "reproduce")
                .whereLayer("cli").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine", "runs", "session",
                        "sweep", "figures", "reproduce", "bench")
                // the Spark executor sits on the sweep package (a ClusterBackend found by ServiceLoader): no CLI, no UI
                .whereLayer("spark").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine", "runs",
                        "session", "sweep")
                // the ONNX converter (a child JVM's main) opens what it wrote as the engine opens a guide
                .whereLayer("onnx").mayOnlyAccessLayers("platform", "arch", "data", "experiment", "engine")
                .check(classes);
    }

    @Test
    void nothingImportsUiOrCliButTheLauncher() {
        noClasses().that().resideOutsideOfPackages(pkg("ui"), pkg("cli")).and().doNotHaveFullyQualifiedName(ROOT + ".Main")
                .should().dependOnClassesThat().resideInAnyPackage(pkg("ui"), pkg("cli"))
                .check(classes);
    }

    @Test
    void onlyUiImportsJavaFx() {
        noClasses().that().resideOutsideOfPackages(pkg("ui")).and().doNotHaveFullyQualifiedName(ROOT + ".Main")
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .check(classes);
    }

    /** What a test, the CLI, a sweep worker and a task in another JVM call directly: neither JavaFX nor picocli. */
    @Test
    void theRunSessionAndSweepsImportNoUiFramework() {
        noClasses().that().resideInAnyPackage(pkg("session"), pkg("sweep"), pkg("spark"))
                .should().dependOnClassesThat().resideInAnyPackage(JAVAFX)
                .orShould().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void modelPackagesImportNeitherNd4jNorJavaFx() {
        noClasses().that().resideInAnyPackage(pkg("arch"), pkg("experiment"), pkg("data"))
                .should().dependOnClassesThat().resideInAnyPackage("org.nd4j..", "org.deeplearning4j..", "org.bytedeco..",
                        "javafx..", "org.jfree..")
                .check(classes);
    }

    /**
     * JavaCPP and ND4J read their settings from system properties once, as they load: only platform sets any
     * (ProcessSetup.prepare() does it first thing), so no other code can set one too late.
     */
    @Test
    void onlyPlatformSetsSystemProperties() {
        noClasses().that().resideOutsideOfPackage(pkg("platform"))
                .should().callMethod(System.class, "setProperty", String.class, String.class)
                .orShould().callMethod(System.class, "clearProperty", String.class)
                .orShould().callMethod(System.class, "setProperties", java.util.Properties.class)
                .orShould().callMethod(System.class, "getProperties")
                .check(classes);
    }

    /** Recording a run is the session's: nothing else creates or reopens a run folder's writer. */
    @Test
    void onlyTheSessionOpensARunWriter() {
        noClasses().that().resideOutsideOfPackages(pkg("session"), pkg("runs"))
                .should().dependOnClassesThat().areAssignableTo(RunWriter.class)
                .check(classes);
    }

    /**
     * Only the session trains with a run writer: the other code that builds a trainer (the benchmarks) keeps away from
     * the run store, and nothing else builds one.
     */
    @Test
    void nothingButTheSessionTrainsWithARunWriter() {
        noClasses().that(constructA(Trainer.class)).and().resideOutsideOfPackage(pkg("session"))
                .should().dependOnClassesThat().resideInAPackage(pkg("runs"))
                .check(classes);
        noClasses().that().resideOutsideOfPackages(pkg("session"), pkg("bench")).and().areNotAssignableTo(Trainer.class)
                .should().callConstructorWhere(DescribedPredicate.describe("the target is a Trainer constructor",
                        (JavaConstructorCall call) -> call.getTargetOwner().isEquivalentTo(Trainer.class)))
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> constructA(Class<?> type) {
        return DescribedPredicate.describe("construct a " + type.getSimpleName(), c -> c.getConstructorCallsFromSelf()
                .stream().anyMatch(call -> call.getTargetOwner().isEquivalentTo(type)));
    }
}
