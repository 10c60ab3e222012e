package hk.lantau.web.shell;

import hk.lantau.directory.UserProfile;
import hk.lantau.directory.UserQuery;
import hk.lantau.directory.UserStatus;
import hk.lantau.directory.Users;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** The active colleagues a person picks from (new groups, DINGs), by name; the search narrows them. */
@Component
public class Colleagues {

    /** Offered per search; a large organisation is narrowed down with the search field. */
    public static final int LIMIT = 200;

    private final Users users;

    Colleagues(Users users) {
        this.users = users;
    }

    /** Everyone active but the person, matching {@code search} (name, e-mail or job number) when given. */
    public List<UserProfile> of(Person me, String search) {
        String text = search == null || search.isBlank() ? null : search.strip();
        return users.search(me.tenantId(), new UserQuery(text, null, UserStatus.ACTIVE, null), null, LIMIT).items()
                .stream()
                .filter(p -> !p.userId().equals(me.userId()))
                .sorted(Comparator.comparing(UserProfile::name))
                .toList();
    }
}
