package hk.lantau.web;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.compliance.ProtectedField;
import hk.lantau.directory.UserStatus;
import hk.lantau.openplatform.DeliveryStatus;
import hk.lantau.openplatform.PlatformEventType;
import hk.lantau.openplatform.SubscriptionStatus;
import hk.lantau.openplatform.SubscriptionView;
import hk.lantau.openplatform.AppStatus;
import hk.lantau.openplatform.SecretState;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Scope;
import hk.lantau.tenant.DataRegion;
import hk.lantau.tenant.Edition;
import hk.lantau.tenant.Organisation;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text of every page exists in English and in Traditional Chinese. */
class MessageBundlesTest {

    /** A literal key; keys built with preprocessing ({@code __${...}__}) are checked by the next test. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][a-z0-9_.]*[a-z0-9_])(?![a-z0-9_.$])");

    private final Properties english = load("/messages.properties");
    private final Properties chinese = load("/messages_zh_HK.properties");

    @Test
    void bothLanguagesHaveTheSameTexts() {
        Set<String> onlyEnglish = new TreeSet<>(english.stringPropertyNames());
        onlyEnglish.removeAll(chinese.stringPropertyNames());
        Set<String> onlyChinese = new TreeSet<>(chinese.stringPropertyNames());
        onlyChinese.removeAll(english.stringPropertyNames());
        // Module errors are translated into Chinese only: English pages show the module's own message.
        onlyChinese.removeIf(key -> key.startsWith("problem."));
        assertThat(onlyEnglish).as("missing in messages_zh_HK.properties").isEmpty();
        assertThat(onlyChinese).as("missing in messages.properties").isEmpty();
    }

    @Test
    void everyKeyTheTemplatesNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher key = TEMPLATE_KEY.matcher(Files.readString(file));
                while (key.find()) {
                    if (!english.containsKey(key.group(1))) {
                        missing.add(file.getFileName() + ": " + key.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyValueThePagesNameByKeyHasAText() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(Permission.values()).filter(p -> p != Permission.ORGANISATIONS_MANAGE)
                .forEach(p -> keys.add("permission." + p.key()));
        Arrays.stream(ProtectedField.values()).forEach(f -> keys.add("field." + f.key()));
        Arrays.stream(UserStatus.values()).forEach(s -> keys.add("users.status." + s.name()));
        Arrays.stream(DataRegion.values()).forEach(r -> keys.add("region." + r.name()));
        Arrays.stream(Edition.values()).forEach(e -> keys.add("edition." + e.name()));
        Arrays.stream(Organisation.Status.values()).forEach(s -> keys.add("organisation.status." + s.name()));
        Stream.of("admin", "hr", "manager", "staff", "dpo").forEach(r -> keys.add("role." + r));
        Arrays.stream(PlatformEventType.values()).forEach(t -> keys.add("event.type." + t.key()));
        Arrays.stream(DeliveryStatus.values()).forEach(s -> keys.add("deliveries.status." + s.name()));
        Arrays.stream(SubscriptionStatus.values()).forEach(s -> keys.add("webhooks.status." + s.name()));
        Stream.of(SubscriptionView.PAUSED_BY_ADMIN, SubscriptionView.PAUSED_FAILING)
                .forEach(r -> keys.add("webhooks.paused." + r));
        Arrays.stream(Scope.values()).forEach(s -> keys.add("scope." + s.key()));
        Stream.of("403", "404", "4xx", "5xx", "expired").forEach(kind -> Stream.of("title", "heading", "text")
                .forEach(part -> keys.add("error." + kind + "." + part)));
        Arrays.stream(AppStatus.values()).forEach(s -> keys.add("apps.status." + s.name()));
        Arrays.stream(SecretState.values()).forEach(s -> keys.add("apps.secret.state." + s.name()));
        assertThat(keys).allSatisfy(key -> assertThat(english).containsKey(key))
                .allSatisfy(key -> assertThat(chinese).containsKey(key));
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
