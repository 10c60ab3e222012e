package hk.lantau.attendance.internal;

import hk.lantau.attendance.Shift;
import hk.lantau.attendance.WeatherSignal;
import hk.lantau.messaging.MessageContent;
import hk.lantau.messaging.SystemNotices;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the people whose shifts a weather signal covers that those shifts are exempt, through
 * Lantau's own notices in the recording transaction; nobody else hears of it. Each person reads it
 * in the language of their latest acknowledgement of the monitoring notice, or in English and
 * Traditional Chinese when they have made none.
 */
@Component
class WeatherNotices {

    static final Locale CHINESE = Locale.forLanguageTag("zh-HK");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** An open signal is told to the shifts of its first day and the next; a longer one is recorded again. */
    private static final Duration OPEN_HORIZON = Duration.ofDays(1);
    private static final int MAX_DAYS = 8;

    private final Members members;
    private final GroupRepository groups;
    private final ShiftRepository shifts;
    private final Judging judging;
    private final PolicyRepository policies;
    private final SystemNotices notices;
    private final Organisations organisations;
    private final MessageSource messages;
    private final Clock clock;

    WeatherNotices(Members members, GroupRepository groups, ShiftRepository shifts, Judging judging,
                   PolicyRepository policies, SystemNotices notices, Organisations organisations,
                   MessageSource messages, Clock clock) {
        this.members = members;
        this.groups = groups;
        this.shifts = shifts;
        this.judging = judging;
        this.policies = policies;
        this.notices = notices;
        this.organisations = organisations;
        this.messages = messages;
        this.clock = clock;
    }

    /** Returns the userids it reached. */
    List<String> tell(long tenantId, WeatherSignal signal) {
        ZoneId zone = organisations.get(tenantId).timeZone();
        Set<Long> covered = coveredGroups(tenantId, signal, zone);
        if (covered.isEmpty()) {
            return List.of();
        }
        Map<String, String> languages = policies.languages(tenantId);
        Map<String, List<String>> byLanguage = new HashMap<>();
        members.activeMembers(tenantId).forEach((userId, groupId) -> {
            if (covered.contains(groupId)) {
                byLanguage.computeIfAbsent(languages.getOrDefault(userId, ""), k -> new ArrayList<>()).add(userId);
            }
        });
        String start = WHEN.format(signal.startsAt().atZone(zone));
        List<String> reached = new ArrayList<>();
        byLanguage.forEach((language, to) -> reached.addAll(notices.notify(tenantId, to, content(language, signal, start))));
        return reached;
    }

    /** Groups whose shift, on a day around the signal, is worked and covered by it. */
    private Set<Long> coveredGroups(long tenantId, WeatherSignal signal, ZoneId zone) {
        int hours = policies.settings(tenantId).weatherReportHours();
        Instant coverEnd = WeatherRule.coverEnd(signal, hours);
        Instant until = coverEnd != null ? coverEnd
                : (signal.startsAt().isAfter(clock.instant()) ? signal.startsAt() : clock.instant()).plus(OPEN_HORIZON);
        LocalDate first = signal.startsAt().atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = until.atZone(zone).toLocalDate();
        if (last.isAfter(first.plusDays(MAX_DAYS))) {
            last = first.plusDays(MAX_DAYS);
        }
        Map<Long, Shift> shiftsById = new HashMap<>();
        shifts.list(tenantId).forEach(s -> shiftsById.put(s.id(), s));
        Set<Long> covered = new HashSet<>();
        for (GroupRepository.GroupRow group : groups.list(tenantId)) {
            Shift shift = shiftsById.get(group.shiftId());
            for (LocalDate day = first; !day.isAfter(last) && !covered.contains(group.id()); day = day.plusDays(1)) {
                ShiftTimes times = judging.times(tenantId, shift, day, zone);
                if (times != null && WeatherRule.covers(signal, times.on(), times.off(), hours)) {
                    covered.add(group.id());
                }
            }
        }
        return covered;
    }

    private MessageContent content(String language, WeatherSignal signal, String start) {
        if (language.isEmpty()) {
            return new MessageContent.Markdown(
                    text("title", Locale.ENGLISH, signal, start) + " / " + text("title", CHINESE, signal, start),
                    text("text", Locale.ENGLISH, signal, start) + "\n\n" + text("text", CHINESE, signal, start));
        }
        Locale locale = Locale.forLanguageTag(language);
        return new MessageContent.Markdown(text("title", locale, signal, start), text("text", locale, signal, start));
    }

    private String text(String part, Locale locale, WeatherSignal signal, String start) {
        String type = messages.getMessage("attendance.signal." + signal.type().name(), null, locale);
        return messages.getMessage("notice.attendance.weather." + part, new Object[] {type, start}, locale);
    }
}
