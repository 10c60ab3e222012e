package hk.lantau.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The receiving side of DingTalk's HTTP callbacks, written from DingTalk's description: checks the
 * query's signature over token, timestamp, nonce and ciphertext, decrypts with the AES key (IV the
 * key's first 16 bytes, 32-byte padding), checks the owner key is the app key, keeps the
 * plaintext and answers an encrypted {@code success}, or what a test tells it to.
 */
final class DingTalkCallbackReceiver implements AutoCloseable {

    enum Reply { SUCCESS, FAIL_TEXT, WRONG_SIGNATURE, ERROR_500 }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final String token;
    private final byte[] key;
    private final String appKey;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile Reply reply = Reply.SUCCESS;

    DingTalkCallbackReceiver(String token, String aesKey, String appKey) {
        this.token = token;
        this.key = Base64.getDecoder().decode(aesKey + "=");
        this.appKey = appKey;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/dingtalk/callback";
    }

    void reply(Reply reply) {
        this.reply = reply;
    }

    /** Every decrypted plaintext, check_url included, in order of arrival. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    /** Requests that did not verify: a wrong signature or owner key; a test expects none. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    JsonNode await(Predicate<JsonNode> which, Duration wait) {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode event : events) {
                if (which.test(event)) {
                    return event;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("No such callback within " + wait + "; received " + events + " " + problems);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String encrypted = JSON.readTree(exchange.getRequestBody().readAllBytes()).path("encrypt").asText();
            String signature = query.getOrDefault("signature", query.get("msg_signature"));
            if (!sign(query.get("timestamp"), query.get("nonce"), encrypted).equals(signature)) {
                problems.add("signature mismatch");
                respond(exchange, 400, "bad signature");
                return;
            }
            String plaintext = decrypt(encrypted);
            if (plaintext == null) {
                respond(exchange, 400, "bad owner key");
                return;
            }
            events.add(JSON.readTree(plaintext));
            Reply now = reply;
            if (now == Reply.ERROR_500) {
                respond(exchange, 500, "down");
                return;
            }
            String timestamp = Long.toString(System.currentTimeMillis());
            String nonce = "n0nce" + events.size();
            String answer = encrypt(now == Reply.FAIL_TEXT ? "fail" : "success");
            String answerSignature = now == Reply.WRONG_SIGNATURE ? "0".repeat(40) : sign(timestamp, nonce, answer);
            respond(exchange, 200, JSON.writeValueAsString(Map.of("msg_signature", answerSignature,
                    "timeStamp", timestamp, "nonce", nonce, "encrypt", answer)));
        } catch (Exception e) {
            problems.add(e.toString());
            respond(exchange, 500, "receiver error");
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private String sign(String timestamp, String nonce, String encrypted) throws Exception {
        List<String> parts = new ArrayList<>(List.of(token, timestamp, nonce, encrypted));
        parts.sort(null);
        byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(String.join("", parts)
                .getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha1);
    }

    private String decrypt(String encrypted) throws Exception {
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        byte[] plain = aes.doFinal(Base64.getDecoder().decode(encrypted));
        int pad = plain[plain.length - 1];
        byte[] content = Arrays.copyOfRange(plain, 0, plain.length - pad);
        int length = ByteBuffer.wrap(content, 16, 4).getInt();
        String message = new String(content, 20, length, StandardCharsets.UTF_8);
        String owner = new String(content, 20 + length, content.length - 20 - length, StandardCharsets.UTF_8);
        if (!owner.equals(appKey)) {
            problems.add("owner key " + owner);
            return null;
        }
        return message;
    }

    private String encrypt(String message) throws Exception {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] owner = appKey.getBytes(StandardCharsets.UTF_8);
        int unpadded = 16 + 4 + text.length + owner.length;
        int pad = 32 - unpadded % 32;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put("abcdefghijklmnop".getBytes(StandardCharsets.US_ASCII)).putInt(text.length).put(text).put(owner);
        for (int i = 0; i < pad; i++) {
            plain.put((byte) pad);
        }
        Cipher aes = Cipher.getInstance("AES/CBC/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return Base64.getEncoder().encodeToString(aes.doFinal(plain.array()));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
