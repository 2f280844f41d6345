package dev.guildhall.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the code, checked on the compiled classes. Layers, from the bottom: {@code config} (reading settings
 * and refusing bad ones), the platform-neutral foundation, the capabilities, the adapters, and {@code app}, which
 * wires them all. A capability publishes its {@code *Capability} class (for the wiring) and its {@code api}
 * sub-package; everything else in it is its own, and another capability sees only the {@code api}.
 */
class ArchitectureTest {
    private static final String ROOT = "dev.guildhall.";
    private static final List<String> FOUNDATION = List.of("core", "time", "command", "store", "schedule", "outbox", "people",
            "bot", "http", "ops", "topic");
    private static final List<String> CAPABILITIES = List.of("mentorship", "guild", "workinggroup", "livesession",
            "programme", "insights", "admin");
    private static final List<String> ADAPTERS = List.of("slack", "teams", "console");

    private static final JavaClasses GUILDHALL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.guildhall");

    private static String[] withSubpackages(List<String> names) {
        return names.stream().map(name -> ROOT + name + "..").toArray(String[]::new);
    }

    private static ArchRule forEach(List<String> packages, Function<String, ArchRule> rule) {
        return CompositeArchRule.of(packages.stream().map(rule).toList());
    }

    @Test
    void theImportSeesTheWholeCode() {
        assertThat(GUILDHALL.stream().filter(c -> c.getPackageName().equals(ROOT + "mentorship")).count())
                .isGreaterThan(5);
        assertThat(GUILDHALL.stream().filter(c -> c.getPackageName().equals(ROOT + "slack")).count())
                .isGreaterThan(5);
    }

    @Test
    void noCycleBetweenPackages() {
        slices().matching("dev.guildhall.(*)..").should().beFreeOfCycles().check(GUILDHALL);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        classes().should().resideInAnyPackage(withSubpackages(Stream.of(List.of("config", "app"), FOUNDATION,
                        CAPABILITIES, ADAPTERS).flatMap(List::stream).toList()))
                .because("a new package must be placed in one of ArchitectureTest's layers")
                .check(GUILDHALL);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Config").definedBy(ROOT + "config..")
                .layer("Foundation").definedBy(withSubpackages(FOUNDATION))
                .layer("Capabilities").definedBy(withSubpackages(CAPABILITIES))
                .layer("Adapters").definedBy(withSubpackages(ADAPTERS))
                .layer("App").definedBy(ROOT + "app..")
                .whereLayer("Config").mayNotAccessAnyLayer()
                .whereLayer("Foundation").mayOnlyAccessLayers("Config")
                .whereLayer("Capabilities").mayOnlyAccessLayers("Foundation", "Config")
                .whereLayer("Adapters").mayOnlyAccessLayers("Capabilities", "Foundation", "Config")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .check(GUILDHALL);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        forEach(ADAPTERS, adapter -> noClasses().that().resideInAPackage(ROOT + adapter + "..")
                .should().dependOnClassesThat().resideInAnyPackage(withSubpackages(ADAPTERS.stream()
                        .filter(other -> !other.equals(adapter)).toList())))
                .check(GUILDHALL);
    }

    @Test
    void aCapabilitysInternalsAreUsedOnlyByItselfAndTheWiring() {
        forEach(CAPABILITIES, capability -> classes().that().resideInAPackage(ROOT + capability)
                .and().haveSimpleNameNotEndingWith("Capability")
                .should().onlyHaveDependentClassesThat().resideInAnyPackage(ROOT + capability + "..", ROOT + "app.."))
                .check(GUILDHALL);
    }

    @Test
    void capabilitiesMeetOnlyThroughEachOthersApi() {
        forEach(CAPABILITIES, capability -> noClasses().that().resideInAnyPackage(withSubpackages(CAPABILITIES))
                .and().resideOutsideOfPackage(ROOT + capability + "..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + capability))
                .check(GUILDHALL);
    }

    @Test
    void aPublishedApiDoesNotExposeItsCapabilitysInternals() {
        forEach(CAPABILITIES, capability -> noClasses().that().resideInAPackage(ROOT + capability + ".api..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + capability).allowEmptyShould(true))
                .check(GUILDHALL);
    }

    @Test
    void slackTypesStayInTheSlackAdapter() {
        noClasses().that().resideOutsideOfPackage(ROOT + "slack..")
                .should().dependOnClassesThat().resideInAPackage("com.slack..")
                .check(GUILDHALL);
    }

    @Test
    void microsoftTypesStayInTheTeamsAdapter() {
        noClasses().that().resideOutsideOfPackage(ROOT + "teams..")
                .should().dependOnClassesThat().resideInAPackage("com.microsoft..")
                .check(GUILDHALL);
    }
}
