package hk.lantau.attendance.internal;

import hk.lantau.attendance.Place;
import hk.lantau.attendance.PlaceDefinition;
import hk.lantau.attendance.Places;
import hk.lantau.attendance.WifiNetwork;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import hk.lantau.shared.Permission;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class PlaceService implements Places {

    static final int MIN_RADIUS = 10;
    static final int MAX_RADIUS = 500;
    private static final int MAX_WIFI = 20;
    private static final Pattern BSSID = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

    private final PlaceRepository places;
    private final Audit audit;
    private final Clock clock;

    PlaceService(PlaceRepository places, Audit audit, Clock clock) {
        this.places = places;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Place> list(long tenantId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return places.list(tenantId);
    }

    @Override
    @Transactional(readOnly = true)
    public Place get(long tenantId, long placeId) {
        CurrentActor.require(Permission.ATTENDANCE_READ);
        return places.find(tenantId, placeId).orElseThrow(PlaceService::notFound);
    }

    @Override
    @Transactional
    public Place create(long tenantId, PlaceDefinition definition) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        PlaceDefinition clean = validate(definition);
        long id = places.insert(tenantId, clean, clock.instant());
        audit.record(tenantId, "attendance.place.created", "attendance_place", id, summary(clean));
        return places.find(tenantId, id).orElseThrow();
    }

    @Override
    @Transactional
    public Place update(long tenantId, long placeId, PlaceDefinition definition) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        places.find(tenantId, placeId).orElseThrow(PlaceService::notFound);
        PlaceDefinition clean = validate(definition);
        places.update(tenantId, placeId, clean, clock.instant());
        audit.record(tenantId, "attendance.place.updated", "attendance_place", placeId, summary(clean));
        return places.find(tenantId, placeId).orElseThrow();
    }

    @Override
    @Transactional
    public void delete(long tenantId, long placeId) {
        CurrentActor.require(Permission.ATTENDANCE_MANAGE);
        Place place = places.find(tenantId, placeId).orElseThrow(PlaceService::notFound);
        if (places.inUse(tenantId, placeId)) {
            throw LantauException.conflict("attendance.place_in_use",
                    "An attendance group uses this place; take it out of the group first.");
        }
        places.delete(tenantId, placeId);
        audit.record(tenantId, "attendance.place.deleted", "attendance_place", placeId, Map.of("name", place.name()));
    }

    static LantauException notFound() {
        return LantauException.notFound("attendance.place_not_found", "No such place.");
    }

    private static Map<String, Object> summary(PlaceDefinition d) {
        return Map.of("name", d.name(), "radiusMeters", d.radiusMeters(), "wifiNetworks", d.wifi().size());
    }

    private static PlaceDefinition validate(PlaceDefinition d) {
        List<FieldViolation> errors = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldViolation("name", "attendance.name_invalid", "Give a name of 1 to 100 characters."));
        }
        String address = d.address() == null || d.address().isBlank() ? null : d.address().strip();
        if (address != null && address.length() > 300) {
            errors.add(new FieldViolation("address", "attendance.address_invalid", "An address has at most 300 characters."));
        }
        if (d.latitude() == null || !(d.latitude() >= -90 && d.latitude() <= 90)) {
            errors.add(new FieldViolation("latitude", "attendance.latitude_invalid",
                    "Give a latitude from -90 to 90 degrees."));
        }
        if (d.longitude() == null || !(d.longitude() >= -180 && d.longitude() <= 180)) {
            errors.add(new FieldViolation("longitude", "attendance.longitude_invalid",
                    "Give a longitude from -180 to 180 degrees."));
        }
        if (d.radiusMeters() == null || d.radiusMeters() < MIN_RADIUS || d.radiusMeters() > MAX_RADIUS) {
            errors.add(new FieldViolation("radiusMeters", "attendance.radius_invalid",
                    "Give a radius from " + MIN_RADIUS + " to " + MAX_RADIUS + " metres."));
        }
        List<WifiNetwork> wifi = new ArrayList<>();
        if (d.wifi().size() > MAX_WIFI) {
            errors.add(new FieldViolation("wifi", "attendance.wifi_invalid", "A place has at most 20 Wi-Fi networks."));
        }
        for (int i = 0; i < d.wifi().size(); i++) {
            WifiNetwork w = d.wifi().get(i);
            String ssid = w == null || w.ssid() == null ? "" : w.ssid();
            String bssid = w == null || w.bssid() == null || w.bssid().isBlank() ? null : w.bssid().strip();
            if (ssid.isEmpty() || ssid.length() > 32 || bssid != null && !BSSID.matcher(bssid).matches()) {
                errors.add(new FieldViolation("wifi[" + i + "]", "attendance.wifi_invalid",
                        "A network needs an SSID of 1 to 32 characters and, optionally, a BSSID like 0a:1b:2c:3d:4e:5f."));
            } else {
                wifi.add(new WifiNetwork(ssid, bssid == null ? null : bssid.toLowerCase(Locale.ROOT)));
            }
        }
        if (!errors.isEmpty()) {
            throw new LantauException(HttpStatus.BAD_REQUEST, "attendance.place_invalid",
                    "Some values of the place are missing or not valid.", errors);
        }
        return new PlaceDefinition(name, address, d.latitude(), d.longitude(), d.radiusMeters(), wifi);
    }
}
