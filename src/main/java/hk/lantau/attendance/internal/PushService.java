package hk.lantau.attendance.internal;

import hk.lantau.attendance.ExportEncoding;
import hk.lantau.attendance.ExportFile;
import hk.lantau.attendance.ExportFormat;
import hk.lantau.attendance.PayrollPushes;
import hk.lantau.attendance.SftpDelivery;
import hk.lantau.attendance.SftpDestination;
import hk.lantau.attendance.SftpDestinationDefinition;
import hk.lantau.compliance.SecretSealing;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Payroll SFTP destinations and their pushes. The network call runs outside any transaction; the
 * export is built and the attempt logged each in their own.
 */
@Service
class PushService implements PayrollPushes {

    static final String PURPOSE = "attendance.sftp-credential";
    private static final Pattern FINGERPRINT = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}");
    private static final Pattern FILE_PATTERN = Pattern.compile("[A-Za-z0-9._{}\\-]{1,200}");

    private final SftpRepository repository;
    private final SftpUploader uploader;
    private final ExportBuilder builder;
    private final SecretSealing sealing;
    private final Organisations organisations;
    private final Audit audit;
    private final TransactionOperations tx;
    private final Clock clock;

    PushService(SftpRepository repository, SftpUploader uploader, ExportBuilder builder, SecretSealing sealing,
                Organisations organisations, Audit audit, TransactionOperations tx, Clock clock) {
        this.repository = repository;
        this.uploader = uploader;
        this.builder = builder;
        this.sealing = sealing;
        this.organisations = organisations;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<SftpDestination> list(long tenantId) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        return repository.list(tenantId).stream().map(PushService::view).toList();
    }

    @Override
    public SftpDestination get(long tenantId, long id) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        return view(find(tenantId, id));
    }

    @Override
    public SftpDestination create(long tenantId, SftpDestinationDefinition def) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        return tx.execute(status -> {
            var stored = validated(tenantId, null, def);
            long id = repository.insert(stored);
            audit.record(tenantId, "attendance.sftp_destination.created", "sftp_destination", id,
                    Map.of("host", stored.host(), "name", stored.name()));
            return view(repository.find(tenantId, id).orElseThrow());
        });
    }

    @Override
    public SftpDestination change(long tenantId, long id, SftpDestinationDefinition def) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        return tx.execute(status -> {
            var stored = validated(tenantId, find(tenantId, id), def);
            repository.update(stored);
            audit.record(tenantId, "attendance.sftp_destination.changed", "sftp_destination", id,
                    Map.of("host", stored.host(), "name", stored.name()));
            return view(repository.find(tenantId, id).orElseThrow());
        });
    }

    @Override
    public void delete(long tenantId, long id) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        tx.executeWithoutResult(status -> {
            if (!repository.delete(tenantId, id)) {
                throw notFound();
            }
            audit.record(tenantId, "attendance.sftp_destination.deleted", "sftp_destination", id, Map.of());
        });
    }

    @Override
    public SftpDelivery pushNow(long tenantId, long id, LocalDate from, LocalDate to) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        var d = find(tenantId, id);
        LocalDate[] period;
        if (from == null && to == null) {
            ZoneId zone = organisations.get(tenantId).timeZone();
            period = periodOf(d, clock.instant().atZone(zone).toLocalDate());
        } else {
            ReportService.checkPeriod(from, to);
            period = new LocalDate[] {from, to};
        }
        Attempt result = attempt(d, period);
        var delivery = new SftpDelivery(0, id, clock.instant(), "MANUAL", period[0], period[1], 1,
                result.failed() ? "FAILED" : "DELIVERED", result.fileName(), result.bytes(), result.code(),
                result.message(), null);
        return tx.execute(status -> {
            long logId = repository.log(tenantId, delivery);
            audit.record(tenantId, "attendance.sftp_destination.pushed", "sftp_destination", id,
                    Map.of("outcome", delivery.outcome()));
            return withId(delivery, logId);
        });
    }

    @Override
    public List<SftpDelivery> deliveries(long tenantId, long id, int limit) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        find(tenantId, id);
        return repository.deliveries(tenantId, id, Math.max(1, Math.min(limit, 200)));
    }

    /** Runs the organisation's due pushes: one attempt each, then the next retry or the next slot. */
    int runDue(long tenantId) {
        int attempted = 0;
        for (var d : repository.due(tenantId, clock.instant())) {
            ZoneId zone = organisations.get(tenantId).timeZone();
            Instant slot = d.slotAt() != null ? d.slotAt() : d.nextRunAt();
            LocalDate[] period = periodOf(d, slot.atZone(zone).toLocalDate());
            Attempt result = attempt(d, period);
            Instant now = clock.instant();
            int attempt = d.attempt() + 1;
            Instant next;
            Instant nextSlot;
            int failures;
            Instant retryAt = null;
            if (result.failed() && d.attempt() < d.maxRetries()) {
                retryAt = now.plus(Duration.ofMinutes((long) d.retryMinutes() << Math.min(d.attempt(), 16)));
                next = retryAt;
                nextSlot = slot;
                failures = attempt;
            } else {
                next = nextSlot(d, now.isAfter(slot) ? now : slot, zone);
                nextSlot = null;
                failures = 0;
            }
            var delivery = new SftpDelivery(0, d.id(), now, "SCHEDULED", period[0], period[1], attempt,
                    result.failed() ? "FAILED" : "DELIVERED", result.fileName(), result.bytes(), result.code(),
                    result.message(), retryAt);
            Instant finalNext = next;
            Instant finalSlot = nextSlot;
            tx.executeWithoutResult(status -> {
                repository.log(tenantId, delivery);
                repository.schedule(tenantId, d.id(), finalNext, finalSlot, failures);
            });
            attempted++;
        }
        return attempted;
    }

    private record Attempt(boolean failed, String fileName, Long bytes, String code, String message) {
    }

    private Attempt attempt(SftpRepository.Stored d, LocalDate[] period) {
        ExportFile file;
        try {
            file = tx.execute(status -> builder.build(d.tenantId(), period[0], period[1], d.format(), d.encoding()));
        } catch (LantauException e) {
            return new Attempt(true, null, null, "export_failed", e.getMessage());
        }
        String name = ExportBuilder.fileName(d.filePattern(), period[0], period[1], d.format());
        var target = new SftpUploader.Target(d.host(), d.port(), d.username(),
                d.passwordSealed() == null ? null : sealing.open(PURPOSE, d.passwordSealed()),
                d.privateKeySealed() == null ? null : sealing.open(PURPOSE, d.privateKeySealed()),
                d.fingerprint(), d.remoteFolder());
        try {
            uploader.upload(target, name, file.content());
            return new Attempt(false, name, (long) file.content().length, null, null);
        } catch (SftpUploader.UploadFailed e) {
            return new Attempt(true, name, null, e.code(), truncate(e.getMessage()));
        }
    }

    /** The period a schedule sends on a date: the day before (daily) or the month before (monthly). */
    static LocalDate[] periodOf(SftpRepository.Stored d, LocalDate date) {
        if ("DAILY".equals(d.scheduleKind())) {
            return new LocalDate[] {date.minusDays(1), date.minusDays(1)};
        }
        YearMonth month = YearMonth.from(date).minusMonths(1);
        return new LocalDate[] {month.atDay(1), month.atEndOfMonth()};
    }

    /** The first scheduled time strictly after {@code after}, in the organisation's zone. */
    static Instant nextSlot(SftpRepository.Stored d, Instant after, ZoneId zone) {
        LocalTime time = LocalTime.ofSecondOfDay(d.scheduleMinute() * 60L);
        ZonedDateTime local = after.atZone(zone);
        if ("DAILY".equals(d.scheduleKind())) {
            ZonedDateTime candidate = local.toLocalDate().atTime(time).atZone(zone);
            return (candidate.toInstant().isAfter(after) ? candidate : candidate.plusDays(1)).toInstant();
        }
        YearMonth month = YearMonth.from(local);
        ZonedDateTime candidate = month.atDay(d.scheduleDay()).atTime(time).atZone(zone);
        if (!candidate.toInstant().isAfter(after)) {
            candidate = month.plusMonths(1).atDay(d.scheduleDay()).atTime(time).atZone(zone);
        }
        return candidate.toInstant();
    }

    private SftpRepository.Stored validated(long tenantId, SftpRepository.Stored old, SftpDestinationDefinition def) {
        List<FieldViolation> problems = new ArrayList<>();
        String name = text(def.name(), 100, "name", problems);
        String host = text(def.host(), 255, "host", problems);
        int port = def.port() == null ? 22 : def.port();
        if (port < 1 || port > 65535) {
            problems.add(violation("port", "A port from 1 to 65535."));
        }
        String user = text(def.username(), 100, "username", problems);
        String password = blank(def.password()) ? null : def.password();
        String key = blank(def.privateKey()) ? null : def.privateKey();
        if (password != null && key != null) {
            problems.add(violation("privateKey", "Give a password or a private key, not both."));
        }
        if (key != null && SftpUploader.readKey(key) == null) {
            problems.add(violation("privateKey", "An unencrypted private key in PEM or OpenSSH format."));
        }
        if (password == null && key == null && old == null) {
            problems.add(violation("password", "Give a password or a private key."));
        }
        String fingerprint = def.hostKeyFingerprint() == null ? "" : def.hostKeyFingerprint().strip();
        if (!FINGERPRINT.matcher(fingerprint).matches()) {
            problems.add(violation("hostKeyFingerprint", "The server key's SHA256 fingerprint, as ssh-keygen -lf prints it."));
        }
        String folder = def.remoteFolder() == null || def.remoteFolder().isBlank() ? "." : def.remoteFolder().strip();
        if (folder.length() > 500 || folder.contains("..")) {
            problems.add(violation("remoteFolder", "A folder of at most 500 characters without '..'."));
        }
        String pattern = blank(def.fileNamePattern()) ? "attendance-{period}.{ext}" : def.fileNamePattern().strip();
        if (!FILE_PATTERN.matcher(pattern).matches() || pattern.startsWith(".")) {
            problems.add(violation("fileNamePattern", "Letters, digits, '.', '_', '-' and placeholders, not starting with '.'."));
        }
        ExportFormat format = def.format() == null ? ExportFormat.CSV : def.format();
        ExportEncoding encoding = def.encoding() == null ? ExportEncoding.UTF_8 : def.encoding();
        String kind = def.schedule() == null ? "MONTHLY" : def.schedule();
        Integer day = null;
        if ("MONTHLY".equals(kind)) {
            day = def.dayOfMonth() == null ? 1 : def.dayOfMonth();
            if (day < 1 || day > 28) {
                problems.add(violation("dayOfMonth", "A day of the month from 1 to 28."));
            }
        } else if (!"DAILY".equals(kind)) {
            problems.add(violation("schedule", "DAILY or MONTHLY."));
        }
        int minute = 0;
        try {
            LocalTime t = LocalTime.parse(def.time() == null ? "06:00" : def.time());
            minute = t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            problems.add(violation("time", "A time as HH:mm."));
        }
        int retries = def.maxRetries() == null ? 3 : def.maxRetries();
        int retryMinutes = def.retryMinutes() == null ? 15 : def.retryMinutes();
        if (retries < 0 || retries > 10) {
            problems.add(violation("maxRetries", "0 to 10 retries."));
        }
        if (retryMinutes < 1 || retryMinutes > 1440) {
            problems.add(violation("retryMinutes", "1 to 1440 minutes before the first retry."));
        }
        if (!problems.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "attendance.sftp_destination_invalid",
                    "The SFTP destination is not valid.", problems);
        }
        String passwordSealed = password != null ? sealing.seal(PURPOSE, password)
                : key != null ? null : old.passwordSealed();
        String keySealed = key != null ? sealing.seal(PURPOSE, key) : password != null ? null : old.privateKeySealed();
        boolean enabled = def.enabled() == null || def.enabled();
        Instant now = clock.instant();
        var draft = new SftpRepository.Stored(old == null ? 0 : old.id(), tenantId, name, host, port, user,
                passwordSealed, keySealed, fingerprint, folder, pattern, format, encoding, kind, day, minute, retries,
                retryMinutes, enabled, null, null, 0, old == null ? now : old.createdAt(), now);
        Instant next = nextSlot(draft, now, organisations.get(tenantId).timeZone());
        return new SftpRepository.Stored(draft.id(), tenantId, name, host, port, user, passwordSealed, keySealed,
                fingerprint, folder, pattern, format, encoding, kind, day, minute, retries, retryMinutes, enabled, next,
                null, 0, draft.createdAt(), now);
    }

    private SftpRepository.Stored find(long tenantId, long id) {
        return repository.find(tenantId, id).orElseThrow(PushService::notFound);
    }

    private static LantauException notFound() {
        return LantauException.notFound("attendance.sftp_destination_not_found", "No such SFTP destination.");
    }

    private static SftpDestination view(SftpRepository.Stored d) {
        LocalTime time = LocalTime.ofSecondOfDay(d.scheduleMinute() * 60L);
        return new SftpDestination(d.id(), d.name(), d.host(), d.port(), d.username(),
                d.privateKeySealed() != null ? "PRIVATE_KEY" : "PASSWORD", d.fingerprint(), d.remoteFolder(),
                d.filePattern(), d.format(), d.encoding(), d.scheduleKind(), d.scheduleDay(), time.toString(),
                d.maxRetries(), d.retryMinutes(), d.enabled(), d.enabled() ? d.nextRunAt() : null, d.attempt(),
                d.createdAt(), d.updatedAt());
    }

    private static SftpDelivery withId(SftpDelivery d, long id) {
        return new SftpDelivery(id, d.destinationId(), d.attemptedAt(), d.trigger(), d.periodFrom(), d.periodTo(),
                d.attempt(), d.outcome(), d.fileName(), d.bytes(), d.errorCode(), d.error(), d.nextAttemptAt());
    }

    private static String text(String value, int max, String field, List<FieldViolation> problems) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > max) {
            problems.add(violation(field, "1 to " + max + " characters."));
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private static FieldViolation violation(String field, String message) {
        return new FieldViolation(field, "attendance.sftp_destination_invalid", message);
    }
}
