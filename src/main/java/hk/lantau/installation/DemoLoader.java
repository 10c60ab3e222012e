package hk.lantau.installation;

import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.directory.NewDepartment;
import hk.lantau.directory.NewUser;
import hk.lantau.identity.Accounts;
import hk.lantau.identity.LoginLink;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import hk.lantau.shared.Tokens;
import hk.lantau.tenant.Edition;
import hk.lantau.tenant.NewOrganisation;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code lantau.demo=true}, loads "Demo Trading Ltd" (a group with two subsidiaries, their
 * departments, a virtual project team and about thirty people) once, and prints how the demo
 * admin signs in. Everyone in the demo shares one generated password so each role can be tried.
 */
@ConditionalOnWebApplication
@Component
@Order(10)
@ConditionalOnProperty(name = "lantau.demo", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    static final String NAME = "Demo Trading Ltd";
    static final String DOMAIN = "@demotrading.example";
    static final String ADMIN = "chankayan";

    private final Organisations organisations;
    private final Directory directory;
    private final Departments departments;
    private final Accounts accounts;
    private final TransactionTemplate transaction;
    private final PrintStream console = System.out;

    DemoLoader(Organisations organisations, Directory directory, Departments departments, Accounts accounts,
               TransactionTemplate transaction) {
        this.organisations = organisations;
        this.directory = directory;
        this.departments = departments;
        this.accounts = accounts;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        var existing = organisations.list().stream().filter(o -> o.name().equals(NAME)).findFirst();
        if (existing.isPresent()) {
            remind(existing.get());
            return;
        }
        String password = Tokens.random(9);
        Organisation org = transaction.execute(status -> load(password));
        console.println();
        console.println("==================================================================");
        console.println(" Demo data loaded: " + NAME + " (" + org.corpId() + ")");
        console.println(" Demo admin: " + ADMIN + DOMAIN + "   password: " + password);
        console.println(" Everyone in the demo signs in with their e-mail and the same password,");
        console.println(" e.g. leeonkei" + DOMAIN + " (HR), laumeiling" + DOMAIN + " (DPO), maktszhin" + DOMAIN
                + " (staff).");
        console.println("==================================================================");
        console.println();
    }

    private Organisation load(String password) {
        Organisation org = ActorScope.callAs(Actor.system("demo"), () -> organisations.create(
                new NewOrganisation(NAME, null, null, Edition.PROFESSIONAL)));
        ActorScope.runAs(Actor.system(org.id(), "demo"), () -> {
            Map<String, Long> departments = loadDepartments(org.id());
            List<Long> accountIds = new ArrayList<>();
            for (CSVRecord row : read("demo/people.csv")) {
                List<Long> deptIds = Arrays.stream(row.get("departments").split(";")).map(departments::get).toList();
                String userId = row.get("userid");
                directory.createUser(org.id(), new NewUser(userId, row.get("name"), row.get("mobile"),
                        userId + DOMAIN, row.get("title"), "DT" + String.format("%04d", row.getRecordNumber()),
                        LocalDate.of(2015, 1, 5).plusDays(97L * row.getRecordNumber()), blank(row.get("manager")),
                        deptIds, row.get("departments").startsWith("sz") ? "Shenzhen" : "Kwun Tong, Hong Kong", null, null, blank(row.get("hkid")), null, null, null, null,
                        List.of(row.get("roles").split(";"))));
                accountIds.add(accounts.createUserAccount(org.id(), userId, userId + DOMAIN));
            }
            // One slow hash for everyone instead of one each: the password is shared anyway.
            accounts.setSharedPassword(accountIds, password);
        });
        return org;
    }

    private Map<String, Long> loadDepartments(long tenantId) {
        Map<String, Long> ids = new HashMap<>();
        ids.put("root", Directory.ROOT_DEPARTMENT_ID);
        for (CSVRecord row : read("demo/departments.csv")) {
            ids.put(row.get("key"), departments.create(tenantId, new NewDepartment(row.get("name"),
                    ids.get(row.get("parent")), null, Boolean.parseBoolean(row.get("virtual")))).id());
        }
        return ids;
    }

    private void remind(Organisation org) {
        ActorScope.runAs(Actor.system(org.id(), "demo"), () -> accounts.accountOf(org.id(), ADMIN).ifPresent(id -> {
            LoginLink link = transaction.execute(status -> accounts.issueLink(id, LoginLink.Purpose.RESET));
            console.println();
            console.println("Demo data already loaded (" + org.corpId() + "). Demo admin: " + ADMIN + DOMAIN);
            console.println("Forgot the password? Choose a new one here (one-time link): " + link.url());
            console.println();
        }));
    }

    private static List<CSVRecord> read(String resource) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        } catch (IOException e) {
            throw new IllegalStateException("Demo data " + resource + " is missing from the build", e);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
