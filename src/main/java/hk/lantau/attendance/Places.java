package hk.lantau.attendance;

import java.util.List;

/** Office locations. Reading needs {@code attendance.read}, changing {@code attendance.manage}; changes are audited. */
public interface Places {

    List<Place> list(long tenantId);

    Place get(long tenantId, long placeId);

    Place create(long tenantId, PlaceDefinition definition);

    Place update(long tenantId, long placeId, PlaceDefinition definition);

    /** Refused while a group uses the place. */
    void delete(long tenantId, long placeId);
}
