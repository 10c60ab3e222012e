package hk.lantau.installation;

import hk.lantau.identity.Accounts;
import hk.lantau.identity.IdentityProperties;
import hk.lantau.identity.LoginLink;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import java.io.PrintStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * First start: creates the installation's operator account and prints a one-time sign-in link on
 * the console (not the log). There is no default password; until the operator sets one, each
 * start prints a fresh link and the older ones stop working.
 */
@ConditionalOnWebApplication
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class OperatorBootstrap implements ApplicationRunner {

    static final String OPERATOR_LOGIN = "operator";

    private final Accounts accounts;
    private final IdentityProperties properties;
    private final PrintStream console;

    OperatorBootstrap(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
        this.console = System.out;
    }

    @Override
    public void run(ApplicationArguments args) {
        ActorScope.runAs(Actor.system("first-start"), this::ensureOperator);
    }

    private void ensureOperator() {
        if (!accounts.operatorExists()) {
            long id = accounts.createOperator(OPERATOR_LOGIN);
            String provided = properties.operatorPassword();
            if (provided != null && !provided.isBlank()) {
                accounts.setPassword(id, provided);
                console.println("Lantau: operator account '" + OPERATOR_LOGIN + "' created with the configured password.");
                return;
            }
        }
        accounts.operatorAwaitingSetup().ifPresent(id -> {
            LoginLink link = accounts.issueLink(id, LoginLink.Purpose.SETUP);
            console.println();
            console.println("==================================================================");
            console.println(" Lantau first start: set the operator's password (one-time link)");
            console.println("   " + link.url());
            console.println(" Sign-in name: " + OPERATOR_LOGIN + "   The link works once, until " + link.expiresAt());
            console.println("==================================================================");
            console.println();
        });
    }
}
