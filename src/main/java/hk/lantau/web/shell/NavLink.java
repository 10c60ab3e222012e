package hk.lantau.web.shell;

/** One entry of the left navigation; {@code label} is a message key, {@code icon} a sprite id. */
public record NavLink(String label, String href, String icon, boolean current) {
}
