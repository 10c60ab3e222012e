package hk.lantau.attendance.internal;

import hk.lantau.attendance.NewWeatherSignal;
import hk.lantau.attendance.WeatherSignal;
import hk.lantau.attendance.WeatherSignalRecorded;
import hk.lantau.attendance.WeatherSignals;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class WeatherService implements WeatherSignals {

    private static final Duration MAX_LIST = Duration.ofDays(400);

    private final WeatherRepository signals;
    private final RecordRepository records;
    private final PolicyRepository policies;
    private final WeatherNotices notices;
    private final Audit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WeatherService(WeatherRepository signals, RecordRepository records, PolicyRepository policies,
                   WeatherNotices notices, Audit audit, ApplicationEventPublisher events, Clock clock) {
        this.signals = signals;
        this.records = records;
        this.policies = policies;
        this.notices = notices;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WeatherSignal> list(long tenantId, Instant from, Instant to) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).compareTo(MAX_LIST) > 0) {
            throw LantauException.invalid("attendance.range_invalid", "Give from and to, to after from, at most 400 days apart.");
        }
        return signals.between(tenantId, from, to);
    }

    @Override
    @Transactional
    public WeatherSignal record(long tenantId, NewWeatherSignal signal) {
        Actor actor = CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        if (signal.type() == null) {
            throw LantauException.invalidField("type", "attendance.signal_type_invalid",
                    "Give the signal: T8_OR_ABOVE, BLACK_RAINSTORM or EXTREME_CONDITIONS.");
        }
        if (signal.startsAt() == null) {
            throw LantauException.invalidField("startsAt", "attendance.signal_time_invalid", "Give when the signal was issued.");
        }
        checkEnd(signal.startsAt(), signal.endsAt());
        String note = signal.note() == null || signal.note().isBlank() ? null : signal.note().strip();
        if (note != null && note.length() > 500) {
            throw LantauException.invalidField("note", "attendance.note_invalid", "A note has at most 500 characters.");
        }
        Instant now = clock.instant();
        long id = signals.insert(tenantId, signal.type(), signal.startsAt(), signal.endsAt(), note, actor.reference(), now);
        WeatherSignal saved = signals.find(tenantId, id).orElseThrow();
        int exempted = records.exempt(tenantId, saved.startsAt(),
                WeatherRule.coverEnd(saved, policies.settings(tenantId).weatherReportHours()), now);
        audit.record(tenantId, "attendance.weather.recorded", "attendance_weather_signal", id, summary(saved, exempted));
        events.publishEvent(new WeatherSignalRecorded(tenantId, id, saved.type(), saved.startsAt(), saved.endsAt(), exempted));
        notices.tell(tenantId, saved);
        return saved;
    }

    @Override
    @Transactional
    public WeatherSignal end(long tenantId, long signalId, Instant endsAt) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        WeatherSignal signal = signals.find(tenantId, signalId).orElseThrow(
                () -> LantauException.notFound("attendance.signal_not_found", "No such weather signal."));
        if (endsAt == null) {
            throw LantauException.invalidField("endsAt", "attendance.signal_time_invalid", "Give when the signal was cancelled.");
        }
        checkEnd(signal.startsAt(), endsAt);
        Instant now = clock.instant();
        signals.end(tenantId, signalId, endsAt, now);
        WeatherSignal saved = signals.find(tenantId, signalId).orElseThrow();
        int exempted = reapply(tenantId, signal.startsAt(), now);
        audit.record(tenantId, "attendance.weather.ended", "attendance_weather_signal", signalId, summary(saved, exempted));
        events.publishEvent(new WeatherSignalRecorded(tenantId, signalId, saved.type(), saved.startsAt(), saved.endsAt(),
                exempted));
        return saved;
    }

    /** A changed end may cover fewer shifts: clears the exemptions from the signal's start and applies every signal again. */
    private int reapply(long tenantId, Instant from, Instant now) {
        int hours = policies.settings(tenantId).weatherReportHours();
        records.clearExemptions(tenantId, from, now);
        int exempted = 0;
        for (WeatherSignal s : signals.between(tenantId, from.minus(Duration.ofHours(hours + 48L)),
                from.plus(Duration.ofDays(3650)))) {
            exempted += records.exempt(tenantId, s.startsAt(), WeatherRule.coverEnd(s, hours), now);
        }
        return exempted;
    }

    private static void checkEnd(Instant start, Instant end) {
        if (end != null && !end.isAfter(start)) {
            throw LantauException.invalidField("endsAt", "attendance.signal_time_invalid",
                    "A signal is cancelled after it is issued.");
        }
    }

    private static Map<String, Object> summary(WeatherSignal s, int exempted) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("type", s.type().name());
        summary.put("startsAt", s.startsAt().toString());
        summary.put("endsAt", s.endsAt() == null ? "open" : s.endsAt().toString());
        summary.put("exemptedRecords", exempted);
        return summary;
    }
}
