package hk.lantau.attendance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A person's current work date. {@code groupName}, {@code shift} and {@code outsidePolicy} are
 * {@code null} when the person is in no group; {@code onTime} and {@code offTime} are {@code null}
 * on a rest day or holiday ({@code holiday} names it). {@code notice} is {@code null} when the
 * organisation has published none. Places are listed without their Wi-Fi networks.
 */
public record MyDay(LocalDate workDate, ZoneId zone, String groupName, Shift shift, Instant onTime, Instant offTime,
                    String holiday, OutsidePolicy outsidePolicy, int accuracyLimitMeters, List<Place> places,
                    List<AttendanceRecord> records, MonitoringNotice notice) {

    public MyDay {
        places = List.copyOf(places);
        records = List.copyOf(records);
    }
}
