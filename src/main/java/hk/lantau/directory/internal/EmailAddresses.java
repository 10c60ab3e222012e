package hk.lantau.directory.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** E-mail addresses: a plain shape check and the case-insensitive key used for uniqueness. */
final class EmailAddresses {

    static final int MAX_LENGTH = 254;

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddresses() {
    }

    static boolean valid(String email) {
        return email.length() <= MAX_LENGTH && SHAPE.matcher(email).matches();
    }

    static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
