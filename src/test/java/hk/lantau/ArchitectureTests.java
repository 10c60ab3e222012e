package hk.lantau;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.RequiresScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** House rules that the compiler cannot check, each with the reason it exists. */
class ArchitectureTests {

    private static final DescribedPredicate<JavaMethod> HANDLERS = new DescribedPredicate<>("handle requests") {
        @Override
        public boolean test(JavaMethod method) {
            return method.isAnnotatedWith(RequestMapping.class) || method.isMetaAnnotatedWith(RequestMapping.class);
        }
    };

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("hk.lantau");

    @Test
    void timeComesFromTheInjectedClock() {
        ArchRule rule = noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("timeouts, reminders and shifts are tested by moving an injected Clock, never by waiting");
        rule.check(MAIN);
        noClasses().that().doNotHaveFullyQualifiedName("hk.lantau.shared.ClockConfiguration")
                .should().callMethod(Clock.class, "systemUTC")
                .because("only the clock bean may read the system clock; everyone else injects it")
                .check(MAIN);
    }

    @Test
    void nothingDependsOnTheDingTalkAdapter() {
        noClasses().that().resideOutsideOfPackage("hk.lantau.compat..")
                .should().dependOnClassesThat().resideInAPackage("hk.lantau.compat..")
                .because("the DingTalk-compatible API is an adapter over the modules; "
                        + "removing it must not break anything else")
                .allowEmptyShould(true)
                .check(MAIN);
    }

    @Test
    void controllersLiveInWebPackages() {
        classes().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().resideInAPackage("..web..")
                .because("each module keeps its HTTP surface apart from its logic, in a web package")
                .check(MAIN);
    }

    @Test
    void webCallsOnlyModuleApis() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .because("pages and controllers go through a module's API, so its internals can change freely")
                .check(MAIN);
    }

    @Test
    void everyApiEndpointSaysWhetherAppsMayCallIt() {
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .and(HANDLERS)
                .should(new ArchCondition<JavaMethod>("carry @RequiresScope or @PeopleOnly, or have a class that does") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        boolean declared = Stream.of(RequiresScope.class, PeopleOnly.class).anyMatch(a ->
                                method.isAnnotatedWith(a) || method.getOwner().isAnnotatedWith(a));
                        if (!declared) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName()
                                    + " declares neither a scope nor @PeopleOnly"));
                        }
                    }
                })
                .because("apps reach only what their scopes allow, and an endpoint that forgot to say is refused "
                        + "to every app at run time rather than silently opened")
                .check(MAIN);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class)
                .because("constructor injection makes dependencies explicit and classes testable")
                .check(MAIN);
    }

    @Test
    void noStackTracesOnStandardError() {
        noClasses().should().callMethod(Throwable.class, "printStackTrace")
                .because("errors go to the log with the request id, never to stderr without context")
                .check(MAIN);
    }
}
