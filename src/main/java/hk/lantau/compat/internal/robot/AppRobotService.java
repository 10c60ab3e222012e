package hk.lantau.compat.internal.robot;

import hk.lantau.compliance.SecretSealing;
import hk.lantau.openplatform.AppRobotSettings;
import hk.lantau.openplatform.Apps;
import hk.lantau.openplatform.OutboundCalls;
import hk.lantau.shared.AuditableEvent;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.shared.Tokens;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The console's side of an app's robot: its message receiving address and signing secret. */
@Service
class AppRobotService implements AppRobotSettings {

    static final String FIELD = "messageUrl";

    private final AppRobotRepository rows;
    private final Apps apps;
    private final OutboundCalls outbound;
    private final SecretSealing sealing;
    private final ApplicationEventPublisher audit;
    private final Clock clock;

    AppRobotService(AppRobotRepository rows, Apps apps, OutboundCalls outbound, SecretSealing sealing,
                    ApplicationEventPublisher audit, Clock clock) {
        this.rows = rows;
        this.apps = apps;
        this.outbound = outbound;
        this.sealing = sealing;
        this.audit = audit;
        this.clock = clock;
    }

    static String purpose(long appId) {
        return "compat.robot-signing:" + appId;
    }

    @Override
    @Transactional(readOnly = true)
    public RobotSettings get(long tenantId, long appId) {
        manager(tenantId, appId);
        return view(tenantId, appId);
    }

    @Override
    @Transactional
    public RobotSettings setMessageUrl(long tenantId, long appId, String messageUrl) {
        manager(tenantId, appId);
        AppRobotRepository.Settings current = rows.settings(tenantId, appId)
                .orElse(new AppRobotRepository.Settings(null, null));
        String url = messageUrl == null || messageUrl.isBlank() ? null : outbound.check(tenantId, FIELD, messageUrl);
        String sealed = current.secretSealed() != null || url == null ? current.secretSealed() : newSecret(appId);
        rows.saveSettings(tenantId, appId, url, sealed, clock.instant());
        Map<String, Object> changes = new HashMap<>();
        changes.put("messageUrl", url == null ? "(none)" : url.replaceAll("\\?.*$", ""));
        audit.publishEvent(new RobotAudit(tenantId, "compat.robot.message_url_changed", Long.toString(appId),
                changes));
        return view(tenantId, appId);
    }

    @Override
    @Transactional
    public RobotSettings resetSecret(long tenantId, long appId) {
        manager(tenantId, appId);
        AppRobotRepository.Settings current = rows.settings(tenantId, appId)
                .orElse(new AppRobotRepository.Settings(null, null));
        rows.saveSettings(tenantId, appId, current.messageUrl(), newSecret(appId), clock.instant());
        audit.publishEvent(new RobotAudit(tenantId, "compat.robot.secret_reset", Long.toString(appId), Map.of()));
        return view(tenantId, appId);
    }

    private RobotSettings view(long tenantId, long appId) {
        return rows.settings(tenantId, appId)
                .map(s -> new RobotSettings(appId, s.messageUrl(),
                        s.secretSealed() == null ? null : sealing.open(purpose(appId), s.secretSealed())))
                .orElse(new RobotSettings(appId, null, null));
    }

    private String newSecret(long appId) {
        return sealing.seal(purpose(appId), "SEC" + Tokens.randomHex(32));
    }

    private void manager(long tenantId, long appId) {
        CurrentActor.require(Permission.APPS_MANAGE);
        apps.find(tenantId, appId).orElseThrow(() -> LantauException.notFound("openplatform.app_not_found",
                "There is no such app."));
    }

    /** A change to an app's robot for the audit trail; never the secret. */
    record RobotAudit(Long tenantId, String action, String targetId, Map<String, Object> changes)
            implements AuditableEvent {

        RobotAudit {
            changes = Map.copyOf(changes);
        }

        @Override
        public String targetType() {
            return "app";
        }
    }
}
