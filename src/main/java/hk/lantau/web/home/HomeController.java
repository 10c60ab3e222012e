package hk.lantau.web.home;

import hk.lantau.directory.Directory;
import hk.lantau.shared.Actor;
import hk.lantau.shared.CurrentActor;
import hk.lantau.tenant.Organisation;
import hk.lantau.tenant.Organisations;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workspace home: a greeting, the person's own details and the parts of Lantau they may use. */
@Controller
class HomeController {

    private final Organisations organisations;
    private final Directory directory;
    private final Clock clock;

    HomeController(Organisations organisations, Directory directory, Clock clock) {
        this.organisations = organisations;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(Model model) {
        Actor actor = CurrentActor.get();
        if (actor.isOperator()) {
            return "redirect:/operator/organisations";
        }
        Organisation org = organisations.get(actor.requireTenant());
        Instant now = clock.instant();
        model.addAttribute("organisation", org);
        model.addAttribute("me", directory.findUser(org.id(), actor.userId()).orElse(null));
        model.addAttribute("now", now);
        model.addAttribute("greeting", greeting(now.atZone(org.timeZone()).getHour()));
        return "home";
    }

    static String greeting(int hour) {
        if (hour >= 5 && hour < 12) {
            return "home.greeting.morning";
        }
        if (hour >= 12 && hour < 18) {
            return "home.greeting.afternoon";
        }
        return "home.greeting.evening";
    }
}
