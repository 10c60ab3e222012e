package hk.lantau.attendance;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a punch was made compared with the group's places: DingTalk's {@code locationResult}. */
public enum LocationResult {
    NORMAL("Normal"), OUTSIDE("Outside"), NOT_SIGNED("NotSigned");

    private final String wire;

    LocationResult(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static LocationResult fromWire(String wire) {
        for (LocationResult t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown location result " + wire);
    }
}
