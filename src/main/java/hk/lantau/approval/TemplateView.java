package hk.lantau.approval;

import java.time.Instant;

/**
 * A template at one version. {@code processCode} is DingTalk's {@code PROC-…} identifier and
 * stays the same across versions.
 */
public record TemplateView(String processCode, int version, int latestVersion, boolean enabled,
                           TemplateDefinition definition, String createdBy, Instant createdAt, Instant updatedAt) {
}
