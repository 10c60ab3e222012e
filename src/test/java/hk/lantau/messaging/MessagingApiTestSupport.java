package hk.lantau.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.directory.DirectoryApiTestSupport;
import hk.lantau.support.Api;
import hk.lantau.support.Polling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers every messaging API test shares: people of an organisation signed in through the API,
 * groups and direct chats created through the API, messages sent through the API, and what landed
 * on someone's event stream.
 */
public abstract class MessagingApiTestSupport extends DirectoryApiTestSupport {

    @Autowired
    protected UserEvents userEvents;

    /** A person of the organisation with their own signed-in client. */
    public record Person(String userId, String name, String email, Api api) {
    }

    /** Creates a person in the organisation's root department and signs them in. */
    protected Person person(Org org, String name) {
        String email = newEmail(name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.'));
        String userId = createUser(org.admin(), json("name", name, "email", email, "mobile", newMobile(),
                "departmentIds", List.of(1L)));
        return new Person(userId, name, email, signInAs(org, userId));
    }

    /** The same person signed in again: after the test clock moved past their session's idle timeout. */
    protected Person again(Person person) {
        return new Person(person.userId(), person.name(), person.email(), signInAgain(person.email()));
    }

    /** The organisation's admin as a {@link Person}. */
    protected Person admin(Org org) {
        String name = jdbc.sql("select name from dir_user where tenant_id = :t and userid = :u")
                .param("t", tenantId(org)).param("u", org.adminUserId()).query(String.class).single();
        return new Person(org.adminUserId(), name, org.adminEmail(), org.admin());
    }

    /** Creates a group owned by {@code owner} with the members, and returns its conversation id. */
    protected String group(Person owner, String name, Person... members) {
        List<String> ids = new ArrayList<>();
        for (Person member : members) {
            ids.add(member.userId());
        }
        var response = owner.api().post("/api/v1/conversations/groups", json("name", name, "memberIds", ids));
        assertThat(response.status()).as("create group: %s", response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    /** Opens (finds or creates) the direct conversation of two people and returns its id. */
    protected String direct(Person from, Person to) {
        var response = from.api().post("/api/v1/conversations/direct", json("userId", to.userId()));
        assertThat(response.status()).as("open direct conversation: %s", response.body()).isIn(200, 201);
        return response.json().get("id").asText();
    }

    /** Sends a text message and returns the stored message as the API answered it. */
    protected JsonNode sendText(Person from, String conversationId, String text) {
        var response = send(from, conversationId, json("content", text(text)));
        assertThat(response.status()).as("send message: %s", response.body()).isEqualTo(201);
        return response.json();
    }

    protected Api.Response send(Person from, String conversationId, Map<String, Object> body) {
        return from.api().post("/api/v1/conversations/" + conversationId + "/messages", body);
    }

    /** Sends a DING through the API and returns its id. */
    protected static long ding(Person from, String text, Person to) {
        var sent = from.api().post("/api/v1/dings", json("text", text, "recipients", List.of(to.userId())));
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        return sent.json().get("id").asLong();
    }

    /** Sends a work notification and waits for the background job to deliver it. */
    protected static long sendNotification(Api sender, String text, Person... to) {
        var sent = sender.post("/api/v1/notifications", json("content", text(text), "audience",
                json("userIds", java.util.Arrays.stream(to).map(Person::userId).toList())));
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);
        long id = sent.json().get("id").asLong();
        Polling.until("notification " + id + " delivered",
                () -> sender.get("/api/v1/notifications/" + id).json().get("progress").get("status").asInt() == 2);
        return id;
    }

    protected static Map<String, Object> text(String text) {
        return json("kind", "text", "text", text);
    }

    protected static Map<String, Object> markdown(String title, String text) {
        return json("kind", "markdown", "title", title, "text", text);
    }

    /** The events of one type on a person's stream, oldest first, as parsed JSON payloads. */
    /** Asserts that an HTML fragment has no element or attribute that could run code or load a page. */
    protected static void assertHarmless(String html) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
        assertThat(doc.select("script, style, iframe, object, embed, form, input, svg, math")).isEmpty();
        for (org.jsoup.nodes.Element element : doc.getAllElements()) {
            for (org.jsoup.nodes.Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey().toLowerCase(java.util.Locale.ROOT)).doesNotStartWith("on")
                        .isNotEqualTo("style");
                if (attribute.getKey().equals("href") || attribute.getKey().equals("src")) {
                    assertThat(attribute.getValue()).matches("(?i)(https?|mailto):.*");
                }
            }
        }
    }

    protected List<JsonNode> streamed(Org org, Person person, String type) {
        List<JsonNode> payloads = new ArrayList<>();
        for (StreamedEvent event : userEvents.since(tenantId(org), person.userId(), 0, 10_000)) {
            if (event.type().equals(type)) {
                try {
                    payloads.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(event.payload()));
                } catch (java.io.IOException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return payloads;
    }
}
