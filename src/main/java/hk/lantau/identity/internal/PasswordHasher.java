package hk.lantau.identity.internal;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id for people's passwords. Parameters: 16-byte salt, 32-byte hash, parallelism 1,
 * 19 MiB memory, 2 iterations (OWASP's minimum recommendation for Argon2id).
 *
 * <p>Each hash takes 19 MiB and a CPU for tens of milliseconds. Requests run on virtual threads,
 * so nothing else would stop a burst of sign-ins (or an attack) from hashing thousands of
 * passwords at once and exhausting memory; at most one hash per CPU runs, the rest wait.
 */
@Component
public class PasswordHasher {

    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
    private final Semaphore hashing = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    private final String dummyHash = encoder.encode("lantau-timing-equaliser");

    public String hash(String password) {
        return bounded(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        return hash != null && bounded(() -> encoder.matches(password, hash));
    }

    /** Spends the same time as a real check, so unknown logins cannot be told apart by timing. */
    public void burn(String password) {
        bounded(() -> encoder.matches(password, dummyHash));
    }

    private <T> T bounded(Supplier<T> work) {
        hashing.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            hashing.release();
        }
    }
}
