package hk.lantau.openplatform.web;

import hk.lantau.openplatform.AppSecret;
import hk.lantau.openplatform.AppView;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Locale;

/** An app on the native API: its settings and the state of its secrets, never a secret itself. */
record AppResponse(long id, String appKey, String name, String description, String purpose, String ownerUserId,
                   List<String> scopes, List<String> ipAllowList, int rateLimitPerMinute,
                   @Schema(allowableValues = {"active", "disabled"}) String status, String createdAt,
                   String updatedAt, SecretsSummary secrets) {

    /**
     * @param usable      how many secrets work now (more than one during a rotation's grace period)
     * @param nextExpiry  when the first of them stops working
     * @param expiresSoon whether that is within 14 days: time to rotate
     */
    record SecretsSummary(int usable, String nextExpiry, boolean expiresSoon) {
    }

    static AppResponse of(AppView app, List<AppSecret> secrets) {
        hk.lantau.openplatform.SecretsSummary state = hk.lantau.openplatform.SecretsSummary.of(secrets);
        SecretsSummary summary = new SecretsSummary(state.usable(),
                state.nextExpiry() == null ? null : state.nextExpiry().toString(), state.expiresSoon());
        return new AppResponse(app.id(), app.appKey(), app.name(), app.description(), app.purpose(),
                app.ownerUserId(), app.scopes().stream().map(Scope::key).sorted().toList(), app.ipAllowList(),
                app.rateLimitPerMinute(), app.status().name().toLowerCase(Locale.ROOT), app.createdAt().toString(),
                app.updatedAt().toString(), summary);
    }
}
