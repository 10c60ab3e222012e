package hk.lantau.approval.internal.engine;

import hk.lantau.LantauApplication;
import hk.lantau.approval.ApprovalInstances;
import hk.lantau.approval.ApprovalTasks;
import hk.lantau.approval.ApprovalTemplates;
import hk.lantau.approval.ApproverSource;
import hk.lantau.approval.ApproverStep;
import hk.lantau.approval.ComponentType;
import hk.lantau.approval.Decision;
import hk.lantau.approval.FormComponent;
import hk.lantau.approval.FormValue;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.InstanceView;
import hk.lantau.approval.NewInstance;
import hk.lantau.approval.TemplateDefinition;
import hk.lantau.directory.Directory;
import hk.lantau.directory.NewUser;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.ActorScope;
import hk.lantau.support.TestDatabase;
import hk.lantau.tenant.Edition;
import hk.lantau.tenant.NewOrganisation;
import hk.lantau.tenant.Organisations;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Approvals started and completed per second through Lantau's approval API (a person submits a
 * one-step template, the named approver agrees: {@code ApprovalInstances.submit} then
 * {@code ApprovalTasks.decide}, each its own transaction with form validation, Lantau's rows,
 * history, events and the audit trail), against the same compiled BPMN run directly on the same
 * embedded Flowable engine in the same run (start the process, find its task, complete it). For
 * the raw run the compiled process's one call back into Lantau (who approves the step) is
 * replaced by a process variable holding the approver, so Flowable runs the same elements
 * (start, multi-instance user task, end) without Lantau. One caller; after a warm-up of both,
 * short blocks of each alternate, so both meet the same load on a shared machine; it prints the
 * median of the blocks' rates and the median time per instance, each way, and their ratios.
 *
 * <pre>./mvnw -Pbench test-compile exec:java -Dexec.mainClass=hk.lantau.approval.internal.engine.ApprovalBench \
 *     [-Dlantau.test.db=postgresql] [-Dbench.rounds=20] [-Dbench.block=50]</pre>
 */
public final class ApprovalBench {

    private ApprovalBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 20);
        int block = Integer.getInteger("bench.block", 50);
        String dataDir = Files.createTempDirectory("lantau-approval-bench-").toString();
        List<String> properties = new ArrayList<>(List.of("lantau.data-dir=" + dataDir, "server.port=0",
                "lantau.identity.operator-password=Bench-" + UUID.randomUUID(), "logging.level.root=WARN",
                "spring.main.banner-mode=off", "lantau.approval.timeout-cron=-", "lantau.approval.digest-cron=-",
                "lantau.approval.trigger-cron=-"));
        if (TestDatabase.POSTGRES) {
            properties.addAll(List.of("spring.datasource.url=" + TestDatabase.url(),
                    "spring.datasource.username=" + TestDatabase.user(),
                    "spring.datasource.password=" + TestDatabase.password()));
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LantauApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new))) {
            new Run(app).go(rounds, block);
        }
        System.exit(0);
    }

    private static final class Run {

        private final ApprovalTemplates templates;
        private final ApprovalInstances instances;
        private final ApprovalTasks tasks;
        private final Organisations organisations;
        private final Directory directory;
        private final RepositoryService repository;
        private final RuntimeService runtime;
        private final TaskService flowableTasks;
        private final JdbcClient jdbc;
        private long tenantId;
        private Actor originator;
        private Actor approver;
        private String processCode;
        private String rawDefinitionId;

        Run(ConfigurableApplicationContext app) {
            templates = app.getBean(ApprovalTemplates.class);
            instances = app.getBean(ApprovalInstances.class);
            tasks = app.getBean(ApprovalTasks.class);
            organisations = app.getBean(Organisations.class);
            directory = app.getBean(Directory.class);
            repository = app.getBean(RepositoryService.class);
            runtime = app.getBean(RuntimeService.class);
            flowableTasks = app.getBean(TaskService.class);
            jdbc = app.getBean(JdbcClient.class);
        }

        void go(int rounds, int block) {
            System.out.printf("database: %s; cores: %d; java %s; %d rounds of %d instances each way%n",
                    TestDatabase.POSTGRES ? "PostgreSQL" : "H2", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), rounds, block);
            setUp();
            for (int i = 0; i < 200; i++) {
                lantau();
                raw();
            }
            // Short alternating blocks, so both sides see the same load on a shared machine.
            long[] lantauMicros = new long[rounds * block];
            long[] rawMicros = new long[rounds * block];
            double[] lantauRates = new double[rounds];
            double[] rawRates = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                lantauRates[round] = block(block, lantauMicros, round * block, this::lantau);
                rawRates[round] = block(block, rawMicros, round * block, this::raw);
            }
            double lantauRate = median(lantauRates);
            double rawRate = median(rawRates);
            Arrays.sort(lantauMicros);
            Arrays.sort(rawMicros);
            System.out.printf("Lantau API (submit + decide)     median of block rates %7.1f /s; per instance median %6d µs, p99 %7d µs%n",
                    lantauRate, lantauMicros[lantauMicros.length / 2], lantauMicros[(int) (lantauMicros.length * 0.99)]);
            System.out.printf("raw Flowable (start + complete)  median of block rates %7.1f /s; per instance median %6d µs, p99 %7d µs%n",
                    rawRate, rawMicros[rawMicros.length / 2], rawMicros[(int) (rawMicros.length * 0.99)]);
            System.out.printf("ratio Lantau/raw: rates %.2f, per-instance medians %.2f%n", lantauRate / rawRate,
                    (double) rawMicros[rawMicros.length / 2] / lantauMicros[lantauMicros.length / 2]);
            written(200 + rounds * block);
        }

        /** What the Lantau runs wrote besides the instances: the work the approval's events cause. */
        private void written(int approvals) {
            System.out.printf("per Lantau approval: %.1f event publications (after-commit listeners), %.1f notices, "
                            + "%.1f stream events, %.1f audit records%n",
                    count("select count(*) from event_publication") / approvals,
                    count("select count(*) from msg_notice_task where tenant_id = " + tenantId) / approvals,
                    count("select count(*) from msg_stream_event where tenant_id = " + tenantId) / approvals,
                    count("select count(*) from cmp_audit_record where chain = " + tenantId) / approvals);
        }

        private double count(String sql) {
            return jdbc.sql(sql).query(Long.class).single();
        }

        private static double block(int count, long[] micros, int offset, Runnable call) {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t = System.nanoTime();
                call.run();
                micros[offset + i] = (System.nanoTime() - t) / 1_000;
            }
            return count / ((System.nanoTime() - start) / 1e9);
        }

        private static double median(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        private void setUp() {
            var org = ActorScope.callAs(Actor.system("bench"), () -> organisations.create(new NewOrganisation(
                    "Approval bench " + UUID.randomUUID().toString().substring(0, 8), null, null, Edition.PROFESSIONAL)));
            tenantId = org.id();
            ActorScope.runAs(Actor.system(tenantId, "bench"), () -> {
                String staff = directory.createUser(tenantId, NewUser.of("Bench Staff", "staff@bench.example.hk",
                        "+852 61234567", List.of(Directory.ROOT_DEPARTMENT_ID), List.of())).userId();
                String boss = directory.createUser(tenantId, NewUser.of("Bench Boss", "boss@bench.example.hk",
                        "+852 61234568", List.of(Directory.ROOT_DEPARTMENT_ID), List.of())).userId();
                originator = person(staff, "Bench Staff");
                approver = person(boss, "Bench Boss");
                processCode = templates.create(tenantId, new TemplateDefinition("Annual leave", null, "Leave", null,
                        List.of(new FormComponent("reason", ComponentType.TextField, "Reason", true, null, null, null,
                                        null, null, null, null, null, null),
                                new FormComponent("days", ComponentType.NumberField, "Days", false, null, null, null,
                                        null, null, null, null, null, null)),
                        List.of(new ApproverStep("lead", "Team lead", new ApproverSource(
                                ApproverSource.ApproverKind.USERS, List.of(boss), null, null, null), null, null, null,
                                null)),
                        List.of(), null)).processCode();
                String bpmn = templates.bpmn(tenantId, processCode, 1);
                String plain = bpmn.replace("${" + ProcessCallbacks.BEAN + ".approvers(execution, 'lead')}",
                        "${approvers}");
                if (plain.contains(ProcessCallbacks.BEAN)) {
                    throw new IllegalStateException("The compiled process calls Lantau elsewhere too:\n" + bpmn);
                }
                String key = "bench_raw_" + UUID.randomUUID().toString().replace("-", "");
                plain = plain.replaceFirst("<process id=\"[^\"]+\"", "<process id=\"" + key + "\"");
                var deployment = repository.createDeployment().name("approval bench")
                        .addString("bench.bpmn20.xml", plain).deploy();
                rawDefinitionId = repository.createProcessDefinitionQuery().deploymentId(deployment.getId())
                        .singleResult().getId();
            });
        }

        private Actor person(String userId, String name) {
            return new Actor(ActorKind.USER, tenantId, userId, null, name, Set.of(), null, "127.0.0.1");
        }

        private void lantau() {
            InstanceView started = ActorScope.callAs(originator, () -> instances.submit(tenantId, new NewInstance(
                    processCode, null, null, List.of(new FormValue("reason", null, "Family trip", null),
                    new FormValue("days", null, "3", null)), null, null, null)));
            long taskId = started.tasks().get(0).taskId();
            InstanceView done = ActorScope.callAs(approver, () -> tasks.decide(tenantId, taskId,
                    new Decision(InstanceResult.AGREE, null, null, null)));
            if (done.status() != InstanceStatus.COMPLETED) {
                throw new IllegalStateException("Not completed: " + done.status());
            }
        }

        private void raw() {
            String id = runtime.startProcessInstanceById(rawDefinitionId, UUID.randomUUID().toString(),
                    Map.of("approvers", List.of(approver.userId()), "reason", "Family trip", "days", 3)).getId();
            Task task = flowableTasks.createTaskQuery().processInstanceId(id).singleResult();
            flowableTasks.complete(task.getId(), Map.of("result", "agree"));
            if (runtime.createProcessInstanceQuery().processInstanceId(id).count() != 0) {
                throw new IllegalStateException("Raw process " + id + " did not end");
            }
        }
    }
}
