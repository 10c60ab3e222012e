package hk.lantau.installation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/** The demo switch loads a whole organisation a newcomer can explore, and says how to sign in. */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "lantau.demo=true")
class DemoDataApiTest extends ApiTestSupport {

    private static final Pattern PASSWORD = Pattern.compile("Demo admin: (\\S+)\\s+password: (\\S+)");

    @Test
    void loadsDemoTradingAndPrintsTheAdminSignIn(CapturedOutput output) {
        Matcher printed = PASSWORD.matcher(output.getOut());
        assertThat(printed.find()).as("the console shows the demo admin's sign-in").isTrue();
        assertThat(printed.group(1)).isEqualTo("chankayan@demotrading.example");

        var staff = as("maktszhin@demotrading.example", printed.group(2));
        JsonNode tree = staff.get("/api/v1/departments").json();
        assertThat(tree.get("name").asText()).isEqualTo("Demo Trading Ltd");
        List<String> top = new ArrayList<>();
        tree.get("children").forEach(child -> top.add(child.get("name").asText()));
        assertThat(top).anyMatch(n -> n.startsWith("Demo Trading (Hong Kong) Ltd"))
                .anyMatch(n -> n.startsWith("Demo Trading (Shenzhen) Ltd"))
                .anyMatch(n -> n.startsWith("Project Lantern"));
        assertThat(tree.get("children")).anyMatch(c -> c.get("virtual").asBoolean());

        var people = staff.get("/api/v1/users?limit=200").json().get("items");
        assertThat(people.size()).isEqualTo(30);
        assertThat(people).anyMatch(p -> p.get("name").asText().equals("陳嘉欣 Chan Ka Yan"));
        assertThat(output.getOut()).doesNotContain("A123456");
    }
}
