package hk.lantau.compat.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import hk.lantau.approval.ApprovalFinished;
import hk.lantau.approval.ApprovalSubmitted;
import hk.lantau.approval.ApprovalTaskAssigned;
import hk.lantau.approval.ApprovalTaskFinished;
import hk.lantau.approval.InstanceResult;
import hk.lantau.approval.InstanceStatus;
import hk.lantau.approval.TaskOutcome;
import hk.lantau.attendance.CheckType;
import hk.lantau.attendance.LocationResult;
import hk.lantau.attendance.PunchRecorded;
import hk.lantau.attendance.SourceType;
import hk.lantau.attendance.TimeResult;
import hk.lantau.directory.DepartmentCreated;
import hk.lantau.directory.DepartmentDeleted;
import hk.lantau.directory.DepartmentDissolved;
import hk.lantau.directory.DepartmentMoved;
import hk.lantau.directory.DepartmentRenamed;
import hk.lantau.directory.DepartmentReordered;
import hk.lantau.directory.MembershipChanged;
import hk.lantau.directory.UserCreated;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.UserStatusChanged;
import hk.lantau.directory.UserUpdated;
import hk.lantau.support.MutableClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Each domain event the compat module translates, as the DingTalk event it raises. */
class DingTalkEventTranslationTest {

    private static final String CORP = "ding0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-03-02T01:00:00.123Z");

    private final List<DingTalkEvent> raised = new ArrayList<>();
    private final List<Long> lookups = new ArrayList<>();
    private DingTalkEvents events;
    private ContactEventTranslation contacts;

    @BeforeEach
    void setUp() {
        MutableClock clock = new MutableClock();
        clock.set(NOW.plusNanos(456_789));
        events = new DingTalkEvents(e -> raised.add((DingTalkEvent) e), id -> {
            lookups.add(id);
            return CORP;
        }, clock);
        contacts = new ContactEventTranslation(new ContactChanges(events));
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.afterCompletion(0));
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void peopleAreContactEventsWithTheirUserid() {
        contacts.on(new UserCreated(7L, "mchan", "Mary Chan", List.of("name"), List.of(1L), List.of()));
        contacts.on(new UserUpdated(7L, "mchan", Map.of("title", Map.of("from", "A", "to", "B"))));
        contacts.on(new MembershipChanged(7L, 3L, "mchan", MembershipChanged.Change.ADDED, false, false));
        contacts.on(new UserStatusChanged(7L, "mchan", UserStatus.ACTIVE, UserStatus.SUSPENDED));
        contacts.on(new UserStatusChanged(7L, "mchan", UserStatus.SUSPENDED, UserStatus.ACTIVE));
        contacts.on(new UserStatusChanged(7L, "mchan", UserStatus.ACTIVE, UserStatus.LEFT));

        assertThat(raised).extracting(DingTalkEvent::eventType).containsExactly("user_add_org", "user_modify_org",
                "user_modify_org", "user_modify_org", "user_active_org", "user_leave_org");
        assertThat(raised).allSatisfy(e -> {
            assertThat(e.data()).containsOnlyKeys("userId", "timeStamp")
                    .containsEntry("userId", List.of("mchan"))
                    .containsEntry("timeStamp", Long.toString(NOW.toEpochMilli()));
            assertThat(e.tenantId()).isEqualTo(7L);
            assertThat(e.corpId()).isEqualTo(CORP);
            assertThat(e.bornAt()).isEqualTo(NOW);
            assertThat(e.eventId()).matches("[0-9a-f]{32}");
        });
        assertThat(raised.stream().map(DingTalkEvent::eventId).collect(Collectors.toSet())).hasSize(6);
        assertThat(lookups).as("the corp id is looked up once").containsExactly(7L);
    }

    @Test
    void departmentsAreContactEventsWithTheirDeptId() {
        contacts.on(new DepartmentCreated(7L, 5L, "Sales", 1L, false));
        contacts.on(new DepartmentRenamed(7L, 5L, "Sales", "Sales HK"));
        contacts.on(new DepartmentMoved(7L, 5L, 1L, 2L));
        contacts.on(new DepartmentReordered(7L, 5L, 1, 2));
        contacts.on(new DepartmentDeleted(7L, 5L, "Sales HK"));
        contacts.on(new DepartmentDissolved(7L, 6L, "Project", List.of("mchan")));

        assertThat(raised).extracting(DingTalkEvent::eventType).containsExactly("org_dept_create",
                "org_dept_modify", "org_dept_modify", "org_dept_modify", "org_dept_remove", "org_dept_remove");
        assertThat(raised.get(0).data()).containsOnlyKeys("deptId", "timeStamp").containsEntry("deptId", List.of(5L));
        assertThat(raised.get(5).data()).containsEntry("deptId", List.of(6L));
    }

    @Test
    void aTransactionRaisesOneEventPerSubjectBeforeItCommits() {
        TransactionSynchronizationManager.initSynchronization();
        contacts.on(new UserCreated(7L, "new", "New", List.of("name"), List.of(), List.of()));
        contacts.on(new MembershipChanged(7L, 3L, "new", MembershipChanged.Change.ADDED, false, false));
        contacts.on(new UserUpdated(7L, "kept", Map.of()));
        contacts.on(new MembershipChanged(7L, 3L, "kept", MembershipChanged.Change.ADDED, false, false));
        contacts.on(new MembershipChanged(7L, 4L, "gone", MembershipChanged.Change.REMOVED, false, false));
        contacts.on(new UserStatusChanged(7L, "gone", UserStatus.ACTIVE, UserStatus.LEFT));
        contacts.on(new DepartmentCreated(7L, 9L, "Ops", 1L, false));
        contacts.on(new DepartmentRenamed(7L, 9L, "Ops", "Operations"));
        assertThat(raised).as("nothing before the commit").isEmpty();

        TransactionSynchronizationManager.getSynchronizations().forEach(s -> s.beforeCommit(false));

        assertThat(raised).extracting(DingTalkEvent::eventType).containsExactly("user_add_org", "user_modify_org",
                "user_leave_org", "org_dept_create");
        assertThat(raised).extracting(e -> e.data().get(e.eventType().startsWith("org") ? "deptId" : "userId"))
                .containsExactly(List.of("new"), List.of("kept"), List.of("gone"), List.of(9L));
    }

    @Test
    void aRolledBackTransactionRaisesNothing() {
        TransactionSynchronizationManager.initSynchronization();
        contacts.on(new UserCreated(7L, "new", "New", List.of("name"), List.of(), List.of()));
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        synchronizations.forEach(s -> s.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        TransactionSynchronizationManager.clearSynchronization();
        assertThat(raised).isEmpty();
    }

    @Test
    void approvalsAreBpmsEventsWithTheCorpId() {
        ApprovalEventTranslation approvals = new ApprovalEventTranslation(events);
        Instant created = Instant.parse("2026-03-02T00:00:00Z");
        approvals.on(new ApprovalSubmitted(7L, "i-1", "PROC-1", 1, "Leave", "mchan", 1L, created));
        approvals.on(new ApprovalTaskAssigned(7L, "i-1", 811165L, "PROC-1", "Leave", "mchan", "boss", "lead",
                created, null));
        approvals.on(new ApprovalTaskFinished(7L, "i-1", 811165L, "PROC-1", "Leave", "mchan", "boss", "lead",
                TaskOutcome.FINISH, InstanceResult.AGREE, "Fine", false, null, NOW));
        approvals.on(new ApprovalFinished(7L, "i-1", "PROC-1", "Leave", "mchan", InstanceStatus.COMPLETED,
                InstanceResult.AGREE, "boss", created, NOW));

        assertThat(raised).extracting(DingTalkEvent::eventType).containsExactly("bpms_instance_change",
                "bpms_task_change", "bpms_task_change", "bpms_instance_change");
        assertThat(raised).allSatisfy(e -> assertThat(e.data()).containsEntry("corpId", CORP)
                .containsEntry("processInstanceId", "i-1"));
        assertThat(raised.get(0).data()).containsEntry("type", "start").containsEntry("staffId", "mchan");
        assertThat(raised.get(1).data()).containsEntry("type", "start").containsEntry("staffId", "boss")
                .containsEntry("taskId", 811165L);
        assertThat(raised.get(2).data()).containsEntry("type", "finish").containsEntry("result", "agree")
                .containsEntry("remark", "Fine");
        assertThat(raised.get(3).data()).containsEntry("type", "finish").containsEntry("result", "agree")
                .containsEntry("finishTime", NOW.toEpochMilli());
    }

    @Test
    void aClockInIsACheckRecordWithoutItsPlace() {
        new AttendanceEventTranslation(events).on(new PunchRecorded(7L, 42L, "mchan", LocalDate.of(2026, 3, 2),
                CheckType.ON_DUTY, TimeResult.LATE, LocationResult.OUTSIDE, SourceType.USER, NOW));

        DingTalkEvent event = raised.get(0);
        assertThat(event.eventType()).isEqualTo("attendance_check_record");
        assertThat(event.data()).containsOnlyKeys("DataList");
        @SuppressWarnings("unchecked")
        Map<String, Object> record = ((List<Map<String, Object>>) event.data().get("DataList")).get(0);
        assertThat(record).containsExactlyInAnyOrderEntriesOf(Map.of("userId", "mchan",
                "checkTime", NOW.toEpochMilli(), "corpId", CORP, "bizId", "42", "checkType", "OnDuty",
                "timeResult", "Late", "locationResult", "Outside", "sourceType", "USER"));
        assertThat(Set.copyOf(record.keySet())).doesNotContain("latitude", "longitude", "address");
    }
}
