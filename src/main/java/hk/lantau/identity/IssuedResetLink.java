package hk.lantau.identity;

/**
 * A one-time link an administrator issued for a person. {@code accountCreated} tells whether the
 * person had no sign-in account before (their directory e-mail became their login).
 */
public record IssuedResetLink(String userId, LoginLink.Purpose purpose, LoginLink link, boolean accountCreated) {

    @Override
    public String toString() {
        return "IssuedResetLink[" + userId + ", " + purpose + "]";
    }
}
