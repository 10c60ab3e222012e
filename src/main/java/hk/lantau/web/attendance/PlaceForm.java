package hk.lantau.web.attendance;

import hk.lantau.attendance.Place;
import hk.lantau.attendance.PlaceDefinition;
import hk.lantau.attendance.WifiNetwork;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A place as the form posts it: numbers as typed, so they come back unchanged when refused, and the
 * Wi-Fi networks as rows of SSID and BSSID (empty rows are ignored). The form always offers a few
 * empty rows, up to the module's 20 networks.
 */
record PlaceForm(String name, String address, String latitude, String longitude, String radiusMeters,
                 List<WifiNetwork> wifi) {

    private static final int EMPTY_ROWS = 3;
    private static final int MAX_ROWS = 20;

    PlaceForm {
        wifi = List.copyOf(wifi);
    }

    static PlaceForm empty() {
        return new PlaceForm("", "", "", "", "100", List.of());
    }

    static PlaceForm of(Place place) {
        return new PlaceForm(place.name(), place.address() == null ? "" : place.address(),
                String.valueOf(place.latitude()), String.valueOf(place.longitude()),
                String.valueOf(place.radiusMeters()), place.wifi());
    }

    static PlaceForm from(HttpServletRequest request) {
        String[] ssids = values(request, "ssid");
        String[] bssids = values(request, "bssid");
        List<WifiNetwork> wifi = new ArrayList<>();
        for (int i = 0; i < Math.max(ssids.length, bssids.length); i++) {
            String ssid = i < ssids.length ? ssids[i].strip() : "";
            String bssid = i < bssids.length ? bssids[i].strip() : "";
            if (!ssid.isEmpty() || !bssid.isEmpty()) {
                wifi.add(new WifiNetwork(ssid, bssid.isEmpty() ? null : bssid));
            }
        }
        return new PlaceForm(text(request, "name"), text(request, "address"), text(request, "latitude"),
                text(request, "longitude"), text(request, "radiusMeters"), wifi);
    }

    /** The networks and then empty rows to add more. */
    public List<WifiNetwork> rows() {
        List<WifiNetwork> rows = new ArrayList<>(wifi);
        while (rows.size() < Math.min(MAX_ROWS, wifi.size() + EMPTY_ROWS)) {
            rows.add(new WifiNetwork("", ""));
        }
        return rows;
    }

    PlaceDefinition toDefinition() {
        Double radius = AdminAccess.decimal(radiusMeters);
        Integer whole = radius == null || radius != Math.rint(radius) ? null : radius.intValue();
        return new PlaceDefinition(name, AdminAccess.blankToNull(address), AdminAccess.decimal(latitude),
                AdminAccess.decimal(longitude), whole, wifi);
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
