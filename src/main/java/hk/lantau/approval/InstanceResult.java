package hk.lantau.approval;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of a completed instance or a decided task; DingTalk writes it in lower case. */
public enum InstanceResult {
    AGREE, REFUSE;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }
}
