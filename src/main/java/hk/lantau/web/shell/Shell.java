package hk.lantau.web.shell;

import java.time.ZoneId;
import java.util.List;

/**
 * What the page frame shows around every page: who is signed in, in which organisation, the
 * navigation they may use, the language switch, and the zone dates are shown in.
 *
 * @param switchUrl  this page in the other language
 * @param streamUser the person whose live event stream the page follows, null for operators
 */
public record Shell(String lang, String otherLang, String switchUrl, boolean signedIn, boolean operator,
                    String organisationName, String userName, String initials, ZoneId zone,
                    List<NavSection> navigation, String streamUser) {

    public Shell {
        navigation = List.copyOf(navigation);
    }
}
