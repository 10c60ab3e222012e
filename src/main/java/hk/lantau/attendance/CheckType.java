package hk.lantau.attendance;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which punch of a shift: DingTalk's {@code checkType}. */
public enum CheckType {
    ON_DUTY("OnDuty"), OFF_DUTY("OffDuty");

    private final String wire;

    CheckType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static CheckType fromWire(String wire) {
        for (CheckType t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown check type " + wire);
    }
}
