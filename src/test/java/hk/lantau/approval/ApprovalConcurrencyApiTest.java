package hk.lantau.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Decisions arriving at once: every approver of a countersign step agrees in the same instant,
 * through HTTP, and the approval must count each decision once and complete once.
 */
class ApprovalConcurrencyApiTest extends ApprovalApiTestSupport {

    private static final int APPROVERS = 10;

    @Test
    void tenApproversOfACountersignDecideAtOnce() throws Exception {
        Org org = newOrganisation();
        Person staff = person(org, "Ida Chan");
        List<Person> approvers = new ArrayList<>();
        for (int i = 0; i < APPROVERS; i++) {
            approvers.add(person(org, "Approver " + i));
        }
        String code = createTemplate(admin(org).api(), template("Board resolution", List.of(approverStep("board",
                "COUNTERSIGN", approvers.stream().map(Person::userId).toArray(String[]::new)))));
        String id = submitLeave(staff.api(), code, 1);
        List<Long> tasks = new ArrayList<>();
        for (Person approver : approvers) {
            tasks.add(pendingTask(approver.api(), approver.userId(), id));
        }

        List<Integer> statuses = all(APPROVERS, i -> decideRaw(approvers.get(i).api(), tasks.get(i), "agree", "ok")
                .status());

        assertThat(statuses).containsOnly(200);
        JsonNode done = instance(staff.api(), id);
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("result").asText()).isEqualTo("agree");
        assertThat(operations(done).stream().filter("EXECUTE_TASK_NORMAL"::equals)).hasSize(APPROVERS);
        assertThat(operations(done).stream().filter("FINISH_PROCESS_INSTANCE"::equals)).hasSize(1);
        assertThat(texts(done.get("tasks"), "status")).containsOnly("COMPLETED");
        assertThat(auditCount(org, "approval.task.decided")).isEqualTo(APPROVERS);
        assertThat(auditCount(org, "approval.instance.completed")).isEqualTo(1);
    }

    @Test
    void oneTaskDecidedTenTimesAtOnceCountsOnce() throws Exception {
        Org org = newOrganisation();
        Person staff = person(org, "Jo Lee");
        Person boss = person(org, "Ken Mok");
        Person other = person(org, "Lam Ng");
        String code = createTemplate(admin(org).api(), template("Petty cash", List.of(
                approverStep("lead", "COUNTERSIGN", boss.userId(), other.userId()))));
        String id = submitLeave(staff.api(), code, 1);
        long task = pendingTask(boss.api(), boss.userId(), id);

        List<Integer> statuses = all(APPROVERS, i -> decideRaw(boss.api(), task, i % 2 == 0 ? "agree" : "refuse",
                null).status());

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(APPROVERS - 1);
        JsonNode after = instance(staff.api(), id);
        long decisions = operations(after).stream().filter("EXECUTE_TASK_NORMAL"::equals).count();
        assertThat(decisions).isEqualTo(1);
    }

    /** Runs the calls on their own threads, released together, and returns their answers in order. */
    private static List<Integer> all(int count, java.util.function.IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(n);
                }));
            }
            ready.await(10, TimeUnit.SECONDS);
            long started = System.nanoTime();
            go.countDown();
            List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
            for (Future<Integer> future : futures) {
                statuses.add(future.get(60, TimeUnit.SECONDS));
            }
            System.out.printf("approval concurrency: %d calls answered in %d ms%n", count,
                    (System.nanoTime() - started) / 1_000_000);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

}
