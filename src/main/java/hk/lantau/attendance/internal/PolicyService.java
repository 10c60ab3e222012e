package hk.lantau.attendance.internal;

import hk.lantau.attendance.AttendancePolicy;
import hk.lantau.attendance.AttendanceSettings;
import hk.lantau.attendance.MonitoringNotice;
import hk.lantau.attendance.SettingsChange;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PolicyService implements AttendancePolicy {

    private static final int MAX_NOTICE = 20_000;

    private final PolicyRepository policies;
    private final Audit audit;
    private final Clock clock;

    PolicyService(PolicyRepository policies, Audit audit, Clock clock) {
        this.policies = policies;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public AttendanceSettings settings(long tenantId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return policies.settings(tenantId);
    }

    @Override
    @Transactional
    public AttendanceSettings change(long tenantId, SettingsChange change) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        AttendanceSettings current = policies.settings(tenantId);
        Map<String, Object> changes = new LinkedHashMap<>();
        String text = current.noticeText();
        int version = current.noticeVersion();
        if (change.noticeText() != null) {
            String clean = change.noticeText().strip();
            if (clean.isEmpty() || clean.length() > MAX_NOTICE) {
                throw LantauException.invalidField("noticeText", "attendance.notice_invalid",
                        "The monitoring notice needs 1 to 20,000 characters.");
            }
            if (!clean.equals(text)) {
                text = clean;
                version++;
                changes.put("noticeVersion", version);
            }
        }
        int retention = current.retentionDays();
        if (change.retentionDays() != null && change.retentionDays() != retention) {
            if (change.retentionDays() < 1 || change.retentionDays() > 3650) {
                throw LantauException.invalidField("retentionDays", "attendance.retention_invalid",
                        "Keep precise locations from 1 to 3,650 days.");
            }
            retention = change.retentionDays();
            changes.put("retentionDays", retention);
        }
        int hours = current.weatherReportHours();
        if (change.weatherReportHours() != null && change.weatherReportHours() != hours) {
            if (change.weatherReportHours() < 0 || change.weatherReportHours() > 24) {
                throw LantauException.invalidField("weatherReportHours", "attendance.report_hours_invalid",
                        "Give from 0 to 24 hours after a signal is cancelled.");
            }
            hours = change.weatherReportHours();
            changes.put("weatherReportHours", hours);
        }
        if (changes.isEmpty()) {
            return current;
        }
        AttendanceSettings updated = new AttendanceSettings(version, text, retention, hours);
        policies.save(tenantId, updated, clock.instant());
        audit.record(tenantId, "attendance.settings.changed", "attendance_settings", tenantId, changes);
        return updated;
    }

    @Override
    @Transactional(readOnly = true)
    public int acknowledgements(long tenantId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return policies.acknowledgements(tenantId, policies.settings(tenantId).noticeVersion());
    }

    @Override
    @Transactional(readOnly = true)
    public MonitoringNotice notice(long tenantId) {
        Actor actor = person();
        AttendanceSettings settings = published(tenantId);
        Instant at = policies.acknowledgedAt(tenantId, actor.userId(), settings.noticeVersion()).orElse(null);
        return new MonitoringNotice(settings.noticeVersion(), settings.noticeText(), at != null, at);
    }

    @Override
    @Transactional
    public MonitoringNotice acknowledge(long tenantId, int version) {
        Actor actor = person();
        AttendanceSettings settings = published(tenantId);
        if (version != settings.noticeVersion()) {
            throw LantauException.conflictField("version", "attendance.notice_version_stale",
                    "The notice has changed; read the current version and acknowledge that.");
        }
        Instant at = policies.acknowledgedAt(tenantId, actor.userId(), version).orElse(null);
        String language = language(LocaleContextHolder.getLocale());
        if (at == null) {
            at = clock.instant();
            policies.acknowledge(tenantId, actor.userId(), version, language, at);
            audit.record(tenantId, "attendance.notice.acknowledged", "user", actor.userId(), Map.of("version", version));
        } else {
            policies.relanguage(tenantId, actor.userId(), version, language);
        }
        return new MonitoringNotice(version, settings.noticeText(), true, at);
    }

    /** Whether the person acknowledged the current notice; refuses when none is published or it is not acknowledged. */
    void requireAcknowledged(long tenantId, String userId) {
        AttendanceSettings settings = policies.settings(tenantId);
        if (settings.noticeText() == null) {
            throw LantauException.conflict("attendance.notice_missing",
                    "The organisation has not published its monitoring notice; clock-ins with a location wait for it.");
        }
        if (policies.acknowledgedAt(tenantId, userId, settings.noticeVersion()).isEmpty()) {
            throw LantauException.conflict("attendance.notice_unacknowledged",
                    "Read and acknowledge the organisation's monitoring notice (version " + settings.noticeVersion()
                            + ") before clocking in.");
        }
    }

    /** The request's language (its cookie or Accept-Language) as one of the two Lantau speaks. */
    private static String language(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? WeatherNotices.CHINESE.toLanguageTag() : "en";
    }

    /** The settings without a permission check, for a person's own view. */
    AttendanceSettings current(long tenantId) {
        return policies.settings(tenantId);
    }

    private AttendanceSettings published(long tenantId) {
        AttendanceSettings settings = policies.settings(tenantId);
        if (settings.noticeText() == null) {
            throw LantauException.notFound("attendance.notice_missing",
                    "The organisation has not published its monitoring notice yet.");
        }
        return settings;
    }

    private static Actor person() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER || Objects.isNull(actor.userId())) {
            throw LantauException.forbidden("attendance.people_only", "Only a person acknowledges the notice.");
        }
        return actor;
    }
}
