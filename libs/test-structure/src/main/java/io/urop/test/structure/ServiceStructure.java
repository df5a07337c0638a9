package io.urop.test.structure;

import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every service keeps, as ArchUnit rules: a service includes them in its own structure test,
 * <pre>
 * &#64;AnalyzeClasses(packages = "io.urop.menu", importOptions = ImportOption.DoNotIncludeTests.class)
 * class MenuServiceStructureTest {
 *     &#64;ArchTest
 *     static final ArchTests service = ArchTests.in(ServiceStructure.class);
 * }
 * </pre>
 * Feature packages ({@code io.urop.<service>.<feature>}) depend on each other in one direction only, and the root
 * package, which they share, on none of them; SQL lives
 * in {@code @Repository} classes; a controller is the web's entry point, reached by nothing else; repositories
 * and services know nothing of HTTP.
 */
public final class ServiceStructure {

    private static final Set<String> SQL_ACCESS = Set.of(
            "org.springframework.jdbc.core.simple.JdbcClient",
            "org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
            "jakarta.persistence.EntityManager");

    private static final String REPOSITORY = "org.springframework.stereotype.Repository";
    private static final String SERVICE = "org.springframework.stereotype.Service";
    private static final String REST_CONTROLLER = "org.springframework.web.bind.annotation.RestController";
    private static final String CONTROLLER = "org.springframework.stereotype.Controller";

    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("io.urop.*.(*)..")
            .as("feature packages").should().beFreeOfCycles()
            .allowEmptyShould(true);

    /** The service's root package holds what every feature shares; depending on a feature, it would hide a cycle. */
    @ArchTest
    static final ArchRule theRootPackageDependsOnNoFeature = classes()
            .that(DescribedPredicate.describe("are in the service's root package",
                    (JavaClass type) -> type.getPackageName().split("\\.").length == 3))
            .should(new ArchCondition<>("depend on none of the service's feature packages") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    String features = type.getPackageName() + ".";
                    type.getDirectDependenciesFromSelf().stream()
                            .filter(dependency -> dependency.getTargetClass().getPackageName().startsWith(features))
                            .forEach(dependency -> events.add(SimpleConditionEvent.violated(dependency,
                                    dependency.getDescription())));
                }
            })
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyRepositoriesRunSql = noClasses().that().areNotAnnotatedWith(REPOSITORY)
            .should().dependOnClassesThat(DescribedPredicate.describe("JdbcClient, JdbcTemplate or EntityManager",
                    (JavaClass type) -> SQL_ACCESS.contains(type.getName())))
            .as("only @Repository classes run SQL");

    @ArchTest
    static final ArchRule controllersAreReachedOnlyByTheWeb = noClasses()
            .that().areNotAnnotatedWith(REST_CONTROLLER).and().areNotAnnotatedWith(CONTROLLER)
            .should().dependOnClassesThat().areAnnotatedWith(REST_CONTROLLER)
            .orShould().dependOnClassesThat().areAnnotatedWith(CONTROLLER)
            .as("nothing but the web calls a controller");

    @ArchTest
    static final ArchRule repositoriesAndServicesKnowNoHttp = noClasses()
            .that().areAnnotatedWith(REPOSITORY).or().areAnnotatedWith(SERVICE)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.bind..",
                    "org.springframework.http.server..")
            .as("repositories and services know nothing of HTTP requests")
            .allowEmptyShould(true);

    private ServiceStructure() {
    }
}
