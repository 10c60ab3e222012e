package hk.lantau.compliance.internal;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The installation's secret keys, kept in files outside the database so that a copy of the
 * database alone reveals no protected value and cannot be used to forge the audit chain. Missing
 * keys are created on first start; if the database already holds audit records the keys must have
 * been lost, and starting with new ones would make every stored value unreadable, so start-up fails.
 */
@Component
class KeyDirectory {

    static final String FIELD_KEYSET = "field-keyset.json";
    static final String BLIND_INDEX_KEY = "blind-index.key";
    static final String AUDIT_CHAIN_KEY = "audit-chain.key";
    private static final int SECRET_LENGTH = 32;
    private static final Logger log = LoggerFactory.getLogger(KeyDirectory.class);

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path dir;
    private final JdbcClient jdbc;

    KeyDirectory(@Value("${lantau.keys-dir:${lantau.data-dir}/keys}") Path dir, JdbcClient jdbc) {
        this.dir = dir.toAbsolutePath().normalize();
        this.jdbc = jdbc;
        createMissingKeys();
    }

    Path path() {
        return dir;
    }

    byte[] blindIndexKey() {
        return readSecret(BLIND_INDEX_KEY);
    }

    byte[] auditChainKey() {
        return readSecret(AUDIT_CHAIN_KEY);
    }

    KeysetHandle fieldKeyset() {
        try {
            String json = Files.readString(dir.resolve(FIELD_KEYSET), StandardCharsets.UTF_8);
            return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the field keyset in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The field keyset in " + dir + " is damaged", e);
        }
    }

    /** Replaces the keyset file atomically: readers see the old file or the new one, never half. */
    void saveFieldKeyset(KeysetHandle keyset) {
        try {
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
            writeSecretFile(dir.resolve(FIELD_KEYSET), json.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot serialise the field keyset", e);
        }
    }

    private void createMissingKeys() {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, "rwx------");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the keys directory " + dir, e);
        }
        if (!Files.exists(dir.resolve(FIELD_KEYSET))) {
            refuseIfInUse(FIELD_KEYSET);
            try {
                saveFieldKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot generate the field keyset", e);
            }
            log.info("Created a new field keyset in {}; back up this directory", dir);
        }
        for (String name : new String[] {BLIND_INDEX_KEY, AUDIT_CHAIN_KEY}) {
            if (!Files.exists(dir.resolve(name))) {
                refuseIfInUse(name);
                byte[] secret = new byte[SECRET_LENGTH];
                new SecureRandom().nextBytes(secret);
                writeSecretFile(dir.resolve(name), secret);
                log.info("Created a new {} in {}; back up this directory", name, dir);
            }
        }
    }

    private void refuseIfInUse(String missing) {
        long records = jdbc.sql("select count(*) from cmp_audit_head where last_seq > 0").query(Long.class).single();
        if (records > 0) {
            throw new IllegalStateException("The key file " + missing + " is missing from " + dir
                    + " but the database already holds data protected by it. Restore the keys directory from "
                    + "backup, or point lantau.keys-dir (LANTAU_KEYS_DIR) at it. Starting with a new key would "
                    + "make encrypted fields unreadable and the audit chain unverifiable.");
        }
    }

    private byte[] readSecret(String name) {
        try {
            byte[] secret = Files.readAllBytes(dir.resolve(name));
            if (secret.length != SECRET_LENGTH) {
                throw new IllegalStateException("The key file " + name + " in " + dir + " does not hold "
                        + SECRET_LENGTH + " bytes");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + name + " in " + dir, e);
        }
    }

    /** Writes to a private temporary file, forces it to disk, then renames it over the target. */
    private static void writeSecretFile(Path target, byte[] content) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            Files.createFile(temp);
            restrict(temp, "rw-------");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key file " + target, e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
