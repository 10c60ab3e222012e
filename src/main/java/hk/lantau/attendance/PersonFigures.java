package hk.lantau.attendance;

import java.util.List;

/** One person's figures over a report's period, with what the directory says of them. */
public record PersonFigures(String userId, String name, String jobNumber, List<Long> departmentIds,
                            Figures figures) {

    public PersonFigures {
        departmentIds = List.copyOf(departmentIds);
    }
}
