package hk.lantau.tenant;

import java.util.OptionalInt;

/** What an organisation has bought; each edition caps the number of people (D8). */
public enum Edition {
    FREE(200), STANDARD(100), PROFESSIONAL(1_000), FLAGSHIP(-1), CUSTOM(-1);

    private final int maxUsers;

    Edition(int maxUsers) {
        this.maxUsers = maxUsers;
    }

    /** The most active people allowed, or empty where there is no limit. */
    public OptionalInt maxUsers() {
        return maxUsers < 0 ? OptionalInt.empty() : OptionalInt.of(maxUsers);
    }
}
