package hk.lantau.messaging.internal.chat;

import hk.lantau.LantauApplication;
import hk.lantau.messaging.Chat;
import hk.lantau.messaging.ConversationKind;
import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.MemberRole;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.Messages;
import hk.lantau.messaging.Mentions;
import hk.lantau.messaging.NewMessage;
import hk.lantau.support.TestDatabase;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages persisted per second and the cost of moving a read position, through the chat's own
 * services on the application's database (H2 by default, a fresh PostgreSQL database with
 * {@code -Dlantau.test.db=postgresql}), each against a plain JDBC baseline in the same run:
 *
 * <ul>
 *   <li>send into a direct chat (2 members): validation, the conversation's row lock and next seq, the
 *       message row, the sender's read position and the message.created event on both streams; baseline:
 *       one transaction inserting the same message row;</li>
 *   <li>send into a 1,000-member group: the same, with the event filed on 1,000 streams;</li>
 *   <li>a member's read position moving one message forward in the 1,000-member group: the single-row
 *       update, the lookup of the passed messages' senders and the conversation.read event to the sender
 *       and the reader; baseline: one transaction updating the same member row.</li>
 * </ul>
 *
 * <pre>./mvnw -Pbench test-compile exec:java -Dexec.mainClass=hk.lantau.messaging.internal.chat.ChatBench \
 *     [-Dlantau.test.db=postgresql] [-Dbench.sends=2000] [-Dbench.groupSends=200] [-Dbench.reads=2000]</pre>
 */
public final class ChatBench {

    private static final int GROUP = 1_000;

    private ChatBench() {
    }

    public static void main(String[] args) throws Exception {
        int sends = Integer.getInteger("bench.sends", 2_000);
        int groupSends = Integer.getInteger("bench.groupSends", 200);
        int reads = Integer.getInteger("bench.reads", 2_000);
        String dataDir = Files.createTempDirectory("lantau-chat-bench-").toString();
        List<String> properties = new ArrayList<>(List.of("lantau.data-dir=" + dataDir, "server.port=0",
                "lantau.identity.operator-password=Bench-" + UUID.randomUUID(), "logging.level.root=WARN",
                "spring.main.banner-mode=off"));
        if (TestDatabase.POSTGRES) {
            // A fresh database of its own; H2 runs as the application does by default, on a file.
            properties.addAll(List.of("spring.datasource.url=" + TestDatabase.url(),
                    "spring.datasource.username=" + TestDatabase.user(),
                    "spring.datasource.password=" + TestDatabase.password()));
        }
        // As arguments, not default properties: those lose to application.yml (server.port 8080 taken).
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LantauApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            new Run(app).go(sends, groupSends, reads);
        }
    }

    private static final class Run {

        private final JdbcClient jdbc;
        private final JdbcTemplate template;
        private final TransactionTemplate tx;
        private final ConversationRepository conversations;
        private final Messages messages;
        private final Conversations people;
        private final Clock clock;
        private final hk.lantau.messaging.UserEvents events;
        private long tenantId;

        private final ConfigurableApplicationContext app;

        Run(ConfigurableApplicationContext app) {
            this.app = app;
            jdbc = app.getBean(JdbcClient.class);
            template = app.getBean(JdbcTemplate.class);
            tx = app.getBean(TransactionTemplate.class);
            conversations = app.getBean(ConversationRepository.class);
            messages = app.getBean(Messages.class);
            people = app.getBean(Conversations.class);
            clock = app.getBean(Clock.class);
            events = app.getBean(hk.lantau.messaging.UserEvents.class);
        }

        void go(int sends, int groupSends, int reads) {
            System.out.printf("database: %s; cores: %d; java %s%n", TestDatabase.POSTGRES ? "PostgreSQL" : "H2",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            tenantId = tenant();
            String direct = conversation(ConversationKind.DIRECT, 2);
            String group = conversation(ConversationKind.GROUP, GROUP);

            time("warm-up (not counted)", Math.min(500, sends), i -> send(direct));
            time("warm-up baseline (not counted)", Math.min(500, sends), i -> plainInsert(direct, -1 - i));
            double direct2 = time("send, direct chat (2 members)", sends, i -> send(direct));
            double base = time("baseline: insert the same message row", sends, i -> plainInsert(direct, -100_000 - i));
            System.out.printf("  ratio send/baseline (median): %.1f%n", direct2 / base);
            if (Boolean.getBoolean("bench.parts")) {
                Chat chat = app.getBean(Chat.class);
                time("part: Chat.post as a robot", sends, i -> chat.post(tenantId, direct, new MessageAuthor(
                        MessageAuthor.Kind.ROBOT, "r1", "Robot"), new MessageContent.Text("x"), Mentions.NONE, null));
                time("part: lock + member + memberIds", sends, i -> tx.executeWithoutResult(status -> {
                    conversations.lock(tenantId, direct);
                    conversations.member(tenantId, direct, user(0));
                    conversations.memberIds(tenantId, direct);
                }));
                time("part: lock + nextSeq", sends, i -> tx.executeWithoutResult(status ->
                        conversations.nextSeq(conversations.lock(tenantId, direct).orElseThrow(), clock.instant())));
            }
            List<String> pair = List.of(user(0), user(1));
            double stream = time("of which: stream event to 2 people", sends, i -> tx.executeWithoutResult(status ->
                    events.append(tenantId, pair, "bench.event", java.util.Map.of("conversationId", direct, "seq", i))));
            System.out.printf("  ratio stream event/baseline (median): %.1f%n", stream / base);
            double big = time("send, group of " + GROUP, groupSends, i -> send(group));
            System.out.printf("  ratio group send/baseline (median): %.1f%n", big / base);
            if (Boolean.getBoolean("bench.parts")) {
                List<String> everyone = java.util.stream.IntStream.range(0, GROUP).mapToObj(Run::user).toList();
                time("part: stream event to " + GROUP + " people", groupSends, i -> tx.executeWithoutResult(status ->
                        events.append(tenantId, everyone, "bench.event", java.util.Map.of("conversationId", group))));
            }

            // Every member reads forward one message at a time, the sender of all of them being u0000.
            String[] readers = new String[GROUP - 1];
            for (int i = 1; i < GROUP; i++) {
                readers[i - 1] = user(i);
            }
            long[] positions = new long[readers.length];
            time("warm-up read positions (not counted)", Math.min(500, reads), i -> {
                int r = i % readers.length;
                people.markRead(tenantId, readers[r], group, ++positions[r]);
            });
            double read = time("read position +1, group of " + GROUP, reads, i -> {
                int r = (i + 500) % readers.length;
                people.markRead(tenantId, readers[r], group, ++positions[r]);
            });
            double plain = time("baseline: update the same member row", reads, i -> plainUpdate(group, readers[i
                    % readers.length]));
            System.out.printf("  ratio read/baseline (median): %.1f%n", read / plain);
        }

        private void send(String conversationId) {
            messages.send(tenantId, user(0), "Bench Sender", conversationId, new NewMessage(
                    new MessageContent.Text("Quarterly figures are ready for review"), Mentions.NONE, null, null));
        }

        private void plainInsert(String conversationId, long seq) {
            tx.executeWithoutResult(status -> template.update("insert into msg_message (tenant_id, conversation_id, "
                    + "seq, author_kind, author_id, author_name, kind, content, mention_all, state, sent_at) "
                    + "values (?, ?, ?, 'USER', ?, 'Bench Sender', 'text', ?, false, 'SENT', ?)", tenantId,
                    conversationId, seq, user(0), "{\"kind\":\"text\",\"text\":\"Quarterly figures are ready\"}",
                    Timestamp.from(clock.instant())));
        }

        private void plainUpdate(String conversationId, String userId) {
            tx.executeWithoutResult(status -> template.update("update msg_member set read_seq = read_seq + 1, "
                    + "read_at = ? where tenant_id = ? and conversation_id = ? and user_id = ?",
                    Timestamp.from(clock.instant()), tenantId, conversationId, userId));
        }

        /** Times each call; prints throughput and median/p99, returns the median in microseconds. */
        private static double time(String what, int count, IntConsumer call) {
            long[] micros = new long[count];
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                call.accept(i);
                micros[i] = (System.nanoTime() - t) / 1_000;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(micros);
            double median = micros[count / 2];
            System.out.printf("%-45s %6d calls  %8.0f /s  median %7.0f µs  p99 %7d µs%n", what, count,
                    count / seconds, median, micros[Math.min(count - 1, (int) (count * 0.99))]);
            return median;
        }

        private long tenant() {
            Instant now = clock.instant();
            jdbc.sql("insert into tenant (corp_id, name, region, time_zone, edition, status, created_at, updated_at) "
                            + "values (:corp, 'Chat bench', 'HK', 'Asia/Hong_Kong', 'FLAGSHIP', 'ACTIVE', :at, :at)")
                    .param("corp", "ding" + UUID.randomUUID().toString().replace("-", "").substring(0, 16))
                    .param("at", Timestamp.from(now)).update();
            return jdbc.sql("select max(id) from tenant").query(Long.class).single();
        }

        private String conversation(ConversationKind kind, int size) {
            Instant now = clock.instant();
            String id = ConversationService.newId();
            conversations.insert(new StoredConversation(tenantId, id, kind, kind == ConversationKind.DIRECT ? null
                    : "Bench group", user(0), null, null, 0, 0, false, now, now));
            List<ConversationRepository.NewMember> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                members.add(new ConversationRepository.NewMember(user(i), "Member " + i,
                        i == 0 ? MemberRole.OWNER : MemberRole.MEMBER));
            }
            tx.executeWithoutResult(status -> conversations.addMembers(tenantId, id, members, 0, now));
            return id;
        }

        private static String user(int i) {
            return "u%04d".formatted(i);
        }
    }
}
