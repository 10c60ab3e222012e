package hk.lantau.directory;

/** A protected value as people see it: masked, and whether the caller may reveal it in clear. */
public record MaskedValue(String masked, boolean revealable) {
}
