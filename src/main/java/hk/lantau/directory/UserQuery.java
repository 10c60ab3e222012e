package hk.lantau.directory;

/**
 * A people search. {@code text} matches name, e-mail or job number (contains, ignoring case);
 * {@code mobile} matches exactly after normalising; {@code status} {@code null} means active and
 * suspended people. Every criterion is optional.
 */
public record UserQuery(String text, Long departmentId, UserStatus status, String mobile) {
}
