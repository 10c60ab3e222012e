package hk.lantau.directory;

import java.util.List;

/** What reports and exports show of a person: name, job number, status and departments (ids, in id order). */
public record PersonSummary(String userId, String name, String jobNumber, UserStatus status,
                            List<Long> departmentIds) {

    public PersonSummary {
        departmentIds = List.copyOf(departmentIds);
    }
}
