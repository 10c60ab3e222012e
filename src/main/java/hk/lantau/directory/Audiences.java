package hk.lantau.directory;

import hk.lantau.shared.Permission;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who is in a group of people, read in bulk: for modules that reach many people at once (work
 * notifications, notices to admins). Lists are in userid order so a caller can page through them
 * with the last userid it saw.
 */
public interface Audiences {

    /** The status of each of these people who exists in the organisation; unknown userids are absent. */
    Map<String, UserStatus> statuses(long tenantId, Collection<String> userIds);

    /**
     * Name, job number, status and departments of each of these people who exists in the
     * organisation, read in a few statements however many there are; unknown userids are absent.
     */
    Map<String, PersonSummary> summaries(long tenantId, Collection<String> userIds);

    /** Which of these department ids exist in the organisation. */
    Set<Long> existingDepartments(long tenantId, Collection<Long> departmentIds);

    /**
     * Active people in any of the departments or below them (everyone active when
     * {@code departmentIds} is empty), with a userid after {@code afterUserId} ({@code null} from the
     * start), in userid order, at most {@code limit}.
     */
    List<String> activeMembers(long tenantId, Collection<Long> departmentIds, String afterUserId, int limit);

    /** How many people {@link #activeMembers} would list from the start. */
    int countActiveMembers(long tenantId, Collection<Long> departmentIds);

    /** Active people holding the permission through one of their roles, in userid order. */
    List<String> activeHolders(long tenantId, Permission permission);

    /** Active people who hold the role, in userid order; empty for a role nobody holds or that does not exist. */
    List<String> activeRoleHolders(long tenantId, String roleKey);

    /** Active people whose contract ends on {@code date}, in userid order. */
    List<String> activeWithContractEndingOn(long tenantId, LocalDate date);

    /**
     * Active people hired on the month and day of {@code anniversary} in an earlier year, in userid
     * order; people hired on 29 February count on 28 February in other years.
     */
    List<String> activeWithHireAnniversaryOn(long tenantId, LocalDate anniversary);
}
