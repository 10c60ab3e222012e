package hk.lantau.bench;

import com.fasterxml.jackson.databind.JsonNode;
import hk.lantau.support.Api;
import hk.lantau.support.RemoteSetup;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Work notification delivery against a running Lantau (bench/notifications.sh starts one): an
 * app sends a text to everyone in an organisation of many people, and the client polls the task
 * until the background job has reached them all. Baseline in the same run: how many people per
 * second the CSV import that created them wrote.
 *
 * <p>Arguments: base URL, operator password, people (5000), repeats (3).
 */
public final class NotificationBench {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String operatorPassword = args[1];
        int people = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Api operator = RemoteSetup.signIn(new Api(base, null), "operator", operatorPassword);
        Api admin = RemoteSetup.newOrganisationAdmin(operator, "FLAGSHIP");
        String csv = "userId,name\n" + IntStream.rangeClosed(1, people)
                .mapToObj(i -> "n" + i + ",Bench Person " + i).collect(Collectors.joining("\n"));
        long started = System.nanoTime();
        var imported = admin.sendRaw("POST", "/api/v1/users/import", csv, "text/csv");
        long importMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        if (imported.status() != 201) {
            throw new IllegalStateException("import failed: " + imported);
        }
        JsonNode app = RemoteSetup.post(admin, "/api/v1/apps", Map.of("name", "Notification bench", "purpose",
                "Benchmark", "scopes", List.of("notification.send"), "ipAllowList", List.of()));
        String form = "grant_type=client_credentials&client_id=" + encode(app.get("appKey").asText())
                + "&client_secret=" + encode(app.get("secret").get("value").asText());
        var granted = new Api(base, null).sendRaw("POST", "/api/v1/oauth/token", form,
                "application/x-www-form-urlencoded");
        Api sender = new Api(base, granted.json().get("access_token").asText());

        System.out.printf("import of %d people: %d ms, %.0f people/s (baseline)%n", people, importMs,
                people * 1000.0 / Math.max(importMs, 1));
        System.out.println("warm-up: one send to everyone, not measured");
        send(sender, "warm-up");
        System.out.println();
        System.out.println("| repeat | recipients | send answered after | delivered in | recipients/s | percents seen |");
        System.out.println("|---|---:|---:|---:|---:|---|");
        for (int run = 1; run <= repeats; run++) {
            Result result = send(sender, "Repeat " + run);
            System.out.printf("| %d | %d | %d ms | %d ms | %.0f | %s |%n", run, result.delivered, result.answeredMs,
                    result.deliveredMs, result.delivered * 1000.0 / Math.max(result.deliveredMs, 1),
                    result.percents);
        }
        System.exit(0);
    }

    private static Result send(Api sender, String text) throws InterruptedException {
        long started = System.nanoTime();
        var sent = sender.post("/api/v1/notifications", Map.of("content", Map.of("kind", "text", "text", text),
                "audience", Map.of("everyone", true)));
        long answered = System.nanoTime();
        if (sent.status() != 202) {
            throw new IllegalStateException("send failed: " + sent);
        }
        String path = "/api/v1/notifications/" + sent.json().get("id").asLong();
        TreeSet<Integer> percents = new TreeSet<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        JsonNode task;
        while (true) {
            task = sender.get(path).json();
            percents.add(task.get("progress").get("percent").asInt());
            if (task.get("progress").get("status").asInt() == 2) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not delivered in 5 minutes: " + task);
            }
            Thread.sleep(50);
        }
        long done = System.nanoTime();
        return new Result(task.get("delivered").asInt(), TimeUnit.NANOSECONDS.toMillis(answered - started),
                TimeUnit.NANOSECONDS.toMillis(done - answered), new ArrayList<>(percents));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private record Result(int delivered, long answeredMs, long deliveredMs, List<Integer> percents) {
    }
}
