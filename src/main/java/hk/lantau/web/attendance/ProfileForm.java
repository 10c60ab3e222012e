package hk.lantau.web.attendance;

import hk.lantau.attendance.ExportColumn;
import hk.lantau.attendance.ExportProfile;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The export profile as the page edits it: one row per catalogue column with whether it is
 * exported, its position and its header label. Rows come back as posted when the profile is refused.
 */
record ProfileForm(List<Row> rows, String dateFormat, String dateTimeFormat) {

    ProfileForm {
        rows = List.copyOf(rows);
    }

    /** One catalogue column; {@code position} is as typed. */
    record Row(String key, boolean chosen, String position, String label) {
    }

    static ProfileForm of(ExportProfile profile) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < profile.columns().size(); i++) {
            ExportColumn c = profile.columns().get(i);
            rows.add(new Row(c.key(), true, String.valueOf(i + 1), c.label()));
        }
        for (String key : profile.catalogue()) {
            if (rows.stream().noneMatch(r -> r.key().equals(key))) {
                rows.add(new Row(key, false, "", ""));
            }
        }
        return new ProfileForm(rows, profile.dateFormat(), profile.dateTimeFormat());
    }

    static ProfileForm from(HttpServletRequest request, List<String> catalogue) {
        List<String> chosen = List.of(values(request, "column"));
        List<Row> rows = new ArrayList<>();
        for (String key : catalogue) {
            rows.add(new Row(key, chosen.contains(key), text(request, "position." + key), text(request, "label." + key)));
        }
        return new ProfileForm(rows, text(request, "dateFormat"), text(request, "dateTimeFormat"));
    }

    /** The chosen columns ordered by position (unreadable or empty positions last), ties in catalogue order. */
    ExportProfile toProfile() {
        List<ExportColumn> columns = rows.stream().filter(Row::chosen)
                .sorted(Comparator.comparingInt(r -> position(r.position())))
                .map(r -> new ExportColumn(r.key(), r.label() == null || r.label().isBlank() ? null : r.label().strip()))
                .toList();
        return new ExportProfile(columns, dateFormat, dateTimeFormat, null);
    }

    private static int position(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }
}
