package hk.lantau.attendance;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a punch compares with its shift: DingTalk's {@code timeResult}. */
public enum TimeResult {
    NORMAL("Normal"), EARLY("Early"), LATE("Late"), SERIOUS_LATE("SeriousLate"), ABSENTEEISM("Absenteeism"),
    NOT_SIGNED("NotSigned");

    private final String wire;

    TimeResult(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static TimeResult fromWire(String wire) {
        for (TimeResult t : values()) {
            if (t.wire.equals(wire)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown time result " + wire);
    }
}
