package hk.lantau.attendance;

import java.util.List;

/** An office location people clock in at: a circle of 10 to 500 metres and optional Wi-Fi networks. */
public record Place(long id, String name, String address, double latitude, double longitude, int radiusMeters,
                    List<WifiNetwork> wifi) {

    public Place {
        wifi = List.copyOf(wifi);
    }
}
