package hk.lantau.shared;

/** One invalid field of a request: its JSON path, a stable code and a message for people. */
public record FieldViolation(String field, String code, String message) {
}
