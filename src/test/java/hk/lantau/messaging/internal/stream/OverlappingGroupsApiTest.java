package hk.lantau.messaging.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import hk.lantau.messaging.MessagingApiTestSupport.Person;
import hk.lantau.messaging.StreamTestSupport;
import hk.lantau.messaging.StreamedEvent;
import hk.lantau.support.ApiTestSupport.Org;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class OverlappingGroupsApiTest extends StreamTestSupport {

    private static final int POSTS = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void concurrentPostsIntoOverlappingGroupsAllArriveWithGapFreeSequences() throws Exception {
        Org org = newOrganisation();
        Person kaMan = person(org, "Lee Ka Man");
        Person wingSze = person(org, "Tang Wing Sze");
        Person shared1 = person(org, "Wong Chi Keung");
        Person shared2 = person(org, "Yip Hoi Yan");
        Person shared3 = person(org, "Cheung Tsz Ho");
        String finance = group(kaMan, "Finance", shared3, shared1, shared2);
        String audit = group(wingSze, "Audit", shared2, shared3, shared1);
        long tenant = tenantId(org);
        Map<String, Long> before = new HashMap<>();
        for (Person person : List.of(kaMan, wingSze, shared1, shared2, shared3)) {
            before.put(person.userId(), userEvents.lastSequence(tenant, person.userId()));
        }

        // Each sender posts into their own group at once: the two events lock the shared people's streams.
        ExecutorService senders = Executors.newFixedThreadPool(2);
        List<List<String>> sent = new ArrayList<>();
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<List<String>>> runs = new ArrayList<>();
            for (Object[] run : new Object[][] {{kaMan, finance}, {wingSze, audit}}) {
                runs.add(senders.submit(() -> {
                    start.await();
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < POSTS; i++) {
                        var response = send((Person) run[0], (String) run[1], json("content", text("Post " + i)));
                        assertThat(response.status()).as("post %d: %s", i, response.body()).isEqualTo(201);
                        ids.add(response.json().get("id").asText());
                    }
                    return ids;
                }));
            }
            for (Future<List<String>> run : runs) {
                sent.add(run.get());
            }
        } finally {
            senders.shutdown();
        }

        for (Person person : List.of(kaMan, wingSze, shared1, shared2, shared3)) {
            List<StreamedEvent> stream = userEvents.since(tenant, person.userId(), 0, 1_000);
            assertThat(stream).extracting(StreamedEvent::seq).as("%s's sequence", person.name())
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, stream.size()).boxed().toList());
            assertThat(userEvents.lastSequence(tenant, person.userId())).isEqualTo(stream.size());
        }
        for (Person person : List.of(shared1, shared2, shared3)) {
            List<String> received = postedSince(tenant, person, before);
            assertThat(received).as("both groups' messages, once each").hasSize(2 * POSTS)
                    .doesNotHaveDuplicates().containsAll(sent.get(0)).containsAll(sent.get(1));
            // Each group's messages keep the order they were posted in.
            assertThat(received.stream().filter(sent.get(0)::contains).toList()).isEqualTo(sent.get(0));
            assertThat(received.stream().filter(sent.get(1)::contains).toList()).isEqualTo(sent.get(1));
        }
        assertThat(postedSince(tenant, kaMan, before)).isEqualTo(sent.get(0));
        assertThat(postedSince(tenant, wingSze, before)).isEqualTo(sent.get(1));
    }

    /** Ids of the messages a person's stream received after the groups were set up, in stream order. */
    private List<String> postedSince(long tenant, Person person, Map<String, Long> before) throws Exception {
        List<String> ids = new ArrayList<>();
        for (StreamedEvent event : userEvents.since(tenant, person.userId(), before.get(person.userId()), 1_000)) {
            if (event.type().equals("message.created")) {
                ids.add(JSON.readTree(event.payload()).get("id").asText());
            }
        }
        return ids;
    }
}
