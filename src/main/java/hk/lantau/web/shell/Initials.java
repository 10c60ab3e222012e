package hk.lantau.web.shell;

import org.springframework.stereotype.Component;

/** Avatar letters for any name; templates reach it as {@code @initials.of(name)}. */
@Component("initials")
public class Initials {

    public String of(String name) {
        return ShellFactory.initials(name);
    }
}
