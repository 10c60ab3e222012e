package hk.lantau.attendance;

/** A place and how far a point is from its centre, in metres. */
public record PlaceDistance(Place place, double meters) {

    public boolean inside() {
        return meters <= place.radiusMeters();
    }
}
