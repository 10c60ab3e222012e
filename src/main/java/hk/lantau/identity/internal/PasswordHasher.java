package hk.lantau.identity.internal;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id for people's passwords. Parameters: 16-byte salt, 32-byte hash, parallelism 1,
 * 19 MiB memory, 2 iterations (OWASP's minimum recommendation for Argon2id).
 */
@Component
public class PasswordHasher {

    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);
    private final String dummyHash = encoder.encode("lantau-timing-equaliser");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return hash != null && encoder.matches(password, hash);
    }

    /** Spends the same time as a real check, so unknown logins cannot be told apart by timing. */
    public void burn(String password) {
        encoder.matches(password, dummyHash);
    }
}
