package hk.lantau.approval;

import java.time.Instant;

/** A template as a list shows it. */
public record TemplateSummary(String processCode, String name, String groupName, String description,
                              int latestVersion, boolean enabled, Instant updatedAt) {
}
