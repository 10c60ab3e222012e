package hk.lantau.web.shell;

import java.util.List;

/** A titled group of navigation links; {@code title} is a message key. */
public record NavSection(String title, List<NavLink> links) {

    public NavSection {
        links = List.copyOf(links);
    }
}
