package hk.lantau.compat.internal.callbacks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's callback encryption: AES-256-CBC without the cipher's padding, PKCS#7-style padding
 * to 32 bytes by hand, the IV the key's first 16 bytes; the plaintext is 16 random characters,
 * the message's length (4 bytes, big-endian), the message and the owner key; the signature is
 * the SHA-1 hex of the token, timestamp, nonce and ciphertext sorted.
 */
final class CallbackCrypto {

    private static final int BLOCK = 32;
    private static final char[] ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final byte[] key;
    private final String ownerKey;

    CallbackCrypto(String token, String aesKey, String ownerKey) {
        this.token = token;
        this.key = Base64.getDecoder().decode(aesKey + "=");
        this.ownerKey = ownerKey;
        if (key.length != 32) {
            throw new IllegalArgumentException("An AES key is 43 characters of Base64");
        }
    }

    static String random(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        }
        return new String(chars);
    }

    String encrypt(String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] owner = ownerKey.getBytes(StandardCharsets.UTF_8);
        ByteBuffer plain = ByteBuffer.allocate(padded(16 + 4 + text.length + owner.length));
        plain.put(random(16).getBytes(StandardCharsets.US_ASCII)).putInt(text.length).put(text).put(owner);
        byte pad = (byte) (plain.remaining());
        while (plain.hasRemaining()) {
            plain.put(pad);
        }
        return Base64.getEncoder().encodeToString(cipher(Cipher.ENCRYPT_MODE, plain.array()));
    }

    /** The message, or an {@link IllegalArgumentException} when it does not decrypt or is not for this owner. */
    String decrypt(String encrypted) {
        byte[] plain;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, Base64.getDecoder().decode(encrypted));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException("does not decrypt");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1];
        if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
            throw new IllegalArgumentException("bad padding");
        }
        byte[] content = Arrays.copyOf(plain, plain.length - pad);
        int length = ByteBuffer.wrap(content, 16, 4).getInt();
        if (length < 0 || 20 + length > content.length) {
            throw new IllegalArgumentException("bad length");
        }
        String owner = new String(content, 20 + length, content.length - 20 - length, StandardCharsets.UTF_8);
        if (!owner.equals(ownerKey)) {
            throw new IllegalArgumentException("another owner key");
        }
        return new String(content, 20, length, StandardCharsets.UTF_8);
    }

    String signature(String timestamp, String nonce, String encrypted) {
        String[] parts = {token, timestamp, nonce, encrypted};
        Arrays.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int padded(int length) {
        return (length / BLOCK + 1) * BLOCK;
    }

    private byte[] cipher(int mode, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }
}
