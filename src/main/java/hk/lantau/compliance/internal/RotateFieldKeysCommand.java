package hk.lantau.compliance.internal;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorScope;
import java.io.PrintStream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar lantau.jar rotate-field-keys}: adds a new primary field key and re-encrypts every
 * stored value. Run it with every node stopped, then copy the keys directory to all nodes.
 */
@Component
@ConditionalOnProperty(name = "lantau.command", havingValue = "rotate-field-keys")
class RotateFieldKeysCommand implements ApplicationRunner {

    private final KeyRotation rotation;
    private final PrintStream out = System.out;

    RotateFieldKeysCommand(KeyRotation rotation) {
        this.rotation = rotation;
    }

    @Override
    public void run(ApplicationArguments args) {
        KeyRotation.Result result = ActorScope.callAs(Actor.system("rotate-field-keys"), rotation::rotate);
        result.rewritten().forEach((participant, count) -> out.printf("%-60s %d values re-encrypted%n",
                participant, count));
        out.printf("Field keys rotated: key %d is primary (was %d), %d keys in the keyset, %d values re-encrypted.%n",
                result.primaryKeyId(), result.previousKeyId(), result.keyCount(), result.total());
        out.println("Back up the keys directory now; the new key exists only there.");
    }
}
