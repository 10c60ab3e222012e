package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendanceGroup;
import hk.lantau.attendance.AttendanceGroups;
import hk.lantau.attendance.GroupDefinition;
import hk.lantau.attendance.OutsidePolicy;
import hk.lantau.directory.Audiences;
import hk.lantau.directory.Departments;
import hk.lantau.directory.Directory;
import hk.lantau.directory.DirectoryUser;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class GroupService implements AttendanceGroups {

    static final int DEFAULT_ACCURACY_LIMIT = 100;

    private final GroupRepository groups;
    private final ShiftRepository shifts;
    private final PlaceRepository places;
    private final Directory directory;
    private final Departments departments;
    private final Audiences audiences;
    private final Rejudging rejudging;
    private final Audit audit;
    private final Clock clock;

    GroupService(GroupRepository groups, ShiftRepository shifts, PlaceRepository places, Directory directory,
                 Departments departments, Audiences audiences, Rejudging rejudging, Audit audit, Clock clock) {
        this.groups = groups;
        this.shifts = shifts;
        this.places = places;
        this.directory = directory;
        this.departments = departments;
        this.audiences = audiences;
        this.rejudging = rejudging;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AttendanceGroup> list(long tenantId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return groups.list(tenantId).stream().map(g -> groups.view(tenantId, g)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public AttendanceGroup get(long tenantId, long groupId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return groups.view(tenantId, groups.find(tenantId, groupId).orElseThrow(GroupService::notFound));
    }

    @Override
    @Transactional
    public AttendanceGroup create(long tenantId, GroupDefinition definition) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        GroupDefinition clean = validate(tenantId, definition, 0);
        long id = groups.insert(tenantId, clean, clock.instant());
        audit.record(tenantId, "attendance.group.created", "attendance_group", id, summary(clean));
        return groups.view(tenantId, groups.find(tenantId, id).orElseThrow());
    }

    @Override
    @Transactional
    public AttendanceGroup update(long tenantId, long groupId, GroupDefinition definition) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        var before = groups.find(tenantId, groupId).orElseThrow(GroupService::notFound);
        GroupDefinition clean = validate(tenantId, definition, groupId);
        groups.update(tenantId, groupId, clean, clock.instant());
        Map<String, Object> changes = summary(clean);
        if (before.shiftId() != clean.shiftId()) {
            changes.put("rejudgedRecords", rejudging.groupShiftChanged(tenantId, groupId,
                    shifts.find(tenantId, clean.shiftId()).orElseThrow()));
        }
        audit.record(tenantId, "attendance.group.updated", "attendance_group", groupId, changes);
        return groups.view(tenantId, groups.find(tenantId, groupId).orElseThrow());
    }

    @Override
    @Transactional
    public void delete(long tenantId, long groupId) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        var group = groups.find(tenantId, groupId).orElseThrow(GroupService::notFound);
        groups.delete(tenantId, groupId);
        audit.record(tenantId, "attendance.group.deleted", "attendance_group", groupId, Map.of("name", group.name()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AttendanceGroup> groupOf(long tenantId, String userId) {
        return directory.findUser(tenantId, userId).flatMap(user -> resolve(tenantId, user))
                .flatMap(id -> groups.find(tenantId, id)).map(g -> groups.view(tenantId, g));
    }

    Optional<AttendanceGroup> find(long tenantId, long groupId) {
        return groups.find(tenantId, groupId).map(g -> groups.view(tenantId, g));
    }

    /** The id of the person's group, walking up their departments one lookup at a time. */
    Optional<Long> resolve(long tenantId, DirectoryUser user) {
        return GroupResolver.resolve(groups.groupOfUser(tenantId, user.userId()).orElse(null), user.departmentIds(),
                groups.departmentGroups(tenantId), id -> departments.get(tenantId, id).parentId());
    }

    static LantauException notFound() {
        return LantauException.notFound("attendance.group_not_found", "No such attendance group.");
    }

    private static Map<String, Object> summary(GroupDefinition d) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", d.name());
        summary.put("shiftId", d.shiftId());
        summary.put("outsidePolicy", d.outsidePolicy().name());
        summary.put("accuracyLimitMeters", d.accuracyLimitMeters());
        summary.put("placeIds", d.placeIds());
        summary.put("userIds", d.userIds());
        summary.put("departmentIds", d.departmentIds());
        return summary;
    }

    private GroupDefinition validate(long tenantId, GroupDefinition d, long groupId) {
        List<FieldViolation> errors = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldViolation("name", "attendance.name_invalid", "Give a name of 1 to 100 characters."));
        }
        if (d.shiftId() == null || shifts.find(tenantId, d.shiftId()).isEmpty()) {
            errors.add(new FieldViolation("shiftId", "attendance.shift_unknown", "Name a shift of this organisation."));
        }
        int accuracy = d.accuracyLimitMeters() == null ? DEFAULT_ACCURACY_LIMIT : d.accuracyLimitMeters();
        if (accuracy < 10 || accuracy > 2000) {
            errors.add(new FieldViolation("accuracyLimitMeters", "attendance.accuracy_limit_invalid",
                    "The accuracy limit runs from 10 to 2000 metres."));
        }
        Set<Long> placeIds = new LinkedHashSet<>(d.placeIds());
        if (placeIds.isEmpty() || placeIds.size() > 100) {
            errors.add(new FieldViolation("placeIds", "attendance.places_required", "Name 1 to 100 places."));
        } else if (places.query(tenantId, placeIds).size() != placeIds.size()) {
            errors.add(new FieldViolation("placeIds", "attendance.place_unknown", "Name places of this organisation."));
        }
        Set<String> userIds = new LinkedHashSet<>(d.userIds());
        Set<Long> departmentIds = new LinkedHashSet<>(d.departmentIds());
        if (userIds.size() + departmentIds.size() > 5000) {
            errors.add(new FieldViolation("userIds", "attendance.members_too_many",
                    "Name at most 5,000 people and departments; name departments rather than their people."));
        } else {
            if (audiences.statuses(tenantId, userIds).size() != userIds.size()) {
                errors.add(new FieldViolation("userIds", "attendance.user_unknown", "Name people of this organisation."));
            }
            if (audiences.existingDepartments(tenantId, departmentIds).size() != departmentIds.size()) {
                errors.add(new FieldViolation("departmentIds", "attendance.department_unknown",
                        "Name departments of this organisation."));
            }
        }
        if (!errors.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "attendance.group_invalid",
                    "Some values of the group are missing or not valid.", errors);
        }
        List<FieldViolation> taken = new ArrayList<>();
        for (String user : userIds) {
            groups.groupNaming(tenantId, GroupRepository.USER, user, groupId).ifPresent(other -> taken.add(
                    new FieldViolation("userIds", "attendance.member_in_other_group",
                            user + " is in attendance group " + other + " already.")));
        }
        for (long department : departmentIds) {
            groups.groupNaming(tenantId, GroupRepository.DEPARTMENT, Long.toString(department), groupId)
                    .ifPresent(other -> taken.add(new FieldViolation("departmentIds", "attendance.member_in_other_group",
                            "Department " + department + " is in attendance group " + other + " already.")));
        }
        if (!taken.isEmpty()) {
            throw new LantauException(HttpStatus.CONFLICT, "attendance.member_in_other_group",
                    "A person or department belongs to one attendance group at a time.", taken);
        }
        OutsidePolicy policy = d.outsidePolicy() == null ? OutsidePolicy.REFUSE : d.outsidePolicy();
        return new GroupDefinition(name, d.shiftId(), policy, accuracy, List.copyOf(placeIds), List.copyOf(userIds),
                List.copyOf(departmentIds));
    }
}
