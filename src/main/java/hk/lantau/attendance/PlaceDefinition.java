package hk.lantau.attendance;

import java.util.List;

/** A place as an admin defines it; every field but {@code address} and {@code wifi} is required. */
public record PlaceDefinition(String name, String address, Double latitude, Double longitude, Integer radiusMeters,
                              List<WifiNetwork> wifi) {

    public PlaceDefinition {
        wifi = wifi == null ? List.of() : List.copyOf(wifi);
    }
}
