package hk.lantau.attendance.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Uploads one file over SFTP with Apache MINA SSHD: the server's key must match the pinned SHA-256
 * fingerprint, the file is written under a temporary name and then renamed, so the provider never
 * sees a half-written file. Failures are sorted into stable codes; messages never hold secrets.
 */
@Component
class SftpUploader {

    /** What the connection needs; {@code password} and {@code privateKey} are clear text, held briefly. */
    record Target(String host, int port, String username, String password, String privateKey, String fingerprint,
                  String remoteFolder) {

        @Override
        public String toString() {
            return "Target[" + username + "@" + host + ":" + port + "]";
        }
    }

    /** A failed upload: {@code code} is host_unreachable, auth_failed, host_key_mismatch or remote_error. */
    static final class UploadFailed extends Exception {

        private final String code;

        UploadFailed(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    private final Duration timeout;

    SftpUploader(@Value("${lantau.attendance.sftp-timeout:PT15S}") Duration timeout) {
        this.timeout = timeout;
    }

    /** The fingerprint of a public key as {@code ssh-keygen -lf} prints it. */
    static String fingerprint(java.security.PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** Reads a private key in PEM or OpenSSH format; null when it cannot be read. */
    static KeyPair readKey(String text) {
        try {
            var keys = SecurityUtils.loadKeyPairIdentities(null, NamedResource.ofName("payroll-key"),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), FilePasswordProvider.EMPTY);
            if (keys == null) {
                return null;
            }
            var it = keys.iterator();
            return it.hasNext() ? it.next() : null;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    void upload(Target target, String fileName, byte[] content) throws UploadFailed {
        AtomicBoolean keyMismatch = new AtomicBoolean();
        SshClient client = SshClient.setUpDefaultClient();
        client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setServerKeyVerifier((session, address, key) -> {
            boolean pinned = target.fingerprint().equals(fingerprint(key));
            keyMismatch.set(!pinned);
            return pinned;
        });
        client.start();
        try (ClientSession session = connect(client, target)) {
            if (target.privateKey() != null) {
                KeyPair key = readKey(target.privateKey());
                if (key == null) {
                    throw new UploadFailed("auth_failed", "The stored private key cannot be read.", null);
                }
                session.addPublicKeyIdentity(key);
            } else {
                session.addPasswordIdentity(target.password());
            }
            try {
                session.auth().verify(timeout);
            } catch (IOException e) {
                if (keyMismatch.get()) {
                    throw new UploadFailed("host_key_mismatch",
                            "The server's host key does not match the pinned fingerprint; nothing was sent.", e);
                }
                throw new UploadFailed("auth_failed", "The server refused the user name and credentials.", e);
            }
            write(session, target, fileName, content);
        } catch (IOException e) {
            if (keyMismatch.get()) {
                throw new UploadFailed("host_key_mismatch",
                        "The server's host key does not match the pinned fingerprint; nothing was sent.", e);
            }
            throw new UploadFailed("remote_error", "The SFTP session failed: " + e.getClass().getSimpleName(), e);
        } finally {
            client.stop();
        }
    }

    private ClientSession connect(SshClient client, Target target) throws UploadFailed {
        try {
            return client.connect(target.username(), target.host(), target.port()).verify(timeout).getSession();
        } catch (IOException e) {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof ConnectException)
                    && !(cause instanceof UnknownHostException) && !(cause instanceof NoRouteToHostException)) {
                cause = cause.getCause();
            }
            throw new UploadFailed("host_unreachable", "Could not connect to " + target.host() + ":" + target.port()
                    + " (" + cause.getClass().getSimpleName() + ").", e);
        }
    }

    private static void write(ClientSession session, Target target, String fileName, byte[] content)
            throws IOException, UploadFailed {
        String folder = target.remoteFolder().endsWith("/") ? target.remoteFolder() : target.remoteFolder() + "/";
        String finalPath = folder + fileName;
        String partPath = folder + "." + fileName + ".part";
        try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            try {
                try (OutputStream out = sftp.write(partPath)) {
                    out.write(content);
                }
                if (exists(sftp, finalPath)) {
                    sftp.remove(finalPath);
                }
                sftp.rename(partPath, finalPath);
            } catch (IOException e) {
                try {
                    sftp.remove(partPath);
                } catch (IOException ignored) {
                    // The part file may not exist; the failure below is what matters.
                }
                throw new UploadFailed("remote_error", "The server refused the file: " + e.getMessage(), e);
            }
        }
    }

    private static boolean exists(SftpClient sftp, String path) {
        try {
            sftp.stat(path);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
