package hk.lantau.web.robots;

import hk.lantau.messaging.ConversationView;
import hk.lantau.messaging.Conversations;
import hk.lantau.messaging.NewRobot;
import hk.lantau.messaging.RobotView;
import hk.lantau.messaging.Robots;
import hk.lantau.shared.LantauException;
import hk.lantau.web.shell.FormErrors;
import hk.lantau.web.shell.PageMessages;
import hk.lantau.web.shell.Person;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A group's custom robots, for its owner and admins: adding one, and for each its webhook URL,
 * resetting the token or the secret, switching it off and on, and deleting it. The signing secret
 * is shown on the page that answers the change that made it, and not listed afterwards.
 */
@Controller
@RequestMapping("/chat/{id}/robots")
class RobotsPageController {

    static final String[] FIELDS = {"name", "keywords", "ipRanges"};

    private final Robots robots;
    private final Conversations conversations;
    private final PageMessages texts;

    RobotsPageController(Robots robots, Conversations conversations, PageMessages texts) {
        this.robots = robots;
        this.conversations = conversations;
        this.texts = texts;
    }

    @GetMapping
    String list(@PathVariable String id, @RequestParam(required = false) String done, Model model) {
        Person me = Person.current();
        model.addAttribute("done", done);
        return page(model, me, id, null, null, FormErrors.NONE);
    }

    @PostMapping
    String create(@PathVariable String id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "false") boolean signing,
                  @RequestParam(defaultValue = "") String keywords, @RequestParam(defaultValue = "") String ipRanges,
                  HttpServletResponse response, Model model) {
        Person me = Person.current();
        RobotForm form = new RobotForm(name, signing, keywords, ipRanges);
        try {
            RobotView robot = robots.create(me.tenantId(), me.userId(), id,
                    new NewRobot(name, signing, lines(keywords), lines(ipRanges)));
            model.addAttribute("done", "created");
            return page(model, me, id, robot, null, FormErrors.NONE);
        } catch (LantauException e) {
            if (e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            return page(model, me, id, null, form, FormErrors.of(e, texts, FIELDS));
        }
    }

    @PostMapping("/{robotId}/token")
    String resetToken(@PathVariable String id, @PathVariable long robotId, Model model) {
        Person me = Person.current();
        RobotView robot = robots.resetToken(me.tenantId(), me.userId(), id, robotId);
        model.addAttribute("done", "token");
        return page(model, me, id, robot, null, FormErrors.NONE);
    }

    @PostMapping("/{robotId}/secret")
    String resetSecret(@PathVariable String id, @PathVariable long robotId, Model model) {
        Person me = Person.current();
        RobotView robot = robots.resetSecret(me.tenantId(), me.userId(), id, robotId);
        model.addAttribute("done", "secret");
        return page(model, me, id, robot, null, FormErrors.NONE);
    }

    @PostMapping("/{robotId}/enable")
    String enable(@PathVariable String id, @PathVariable long robotId) {
        Person me = Person.current();
        robots.setEnabled(me.tenantId(), me.userId(), id, robotId, true);
        return "redirect:/chat/" + id + "/robots?done=enabled";
    }

    @PostMapping("/{robotId}/disable")
    String disable(@PathVariable String id, @PathVariable long robotId) {
        Person me = Person.current();
        robots.setEnabled(me.tenantId(), me.userId(), id, robotId, false);
        return "redirect:/chat/" + id + "/robots?done=disabled";
    }

    @PostMapping("/{robotId}/delete")
    String delete(@PathVariable String id, @PathVariable long robotId) {
        Person me = Person.current();
        robots.delete(me.tenantId(), me.userId(), id, robotId);
        return "redirect:/chat/" + id + "/robots?done=deleted";
    }

    private String page(Model model, Person me, String id, RobotView issued, RobotForm failed, FormErrors errors) {
        List<RobotView> list = robots.list(me.tenantId(), me.userId(), id);
        ConversationView group = conversations.get(me.tenantId(), me.userId(), id);
        model.addAttribute("conversation", group);
        model.addAttribute("groupName", group.name());
        model.addAttribute("robots", list);
        model.addAttribute("issued", issued);
        model.addAttribute("form", failed == null ? new RobotForm("", true, "", "") : failed);
        model.addAttribute("errors", errors);
        return "robots/robots";
    }

    /** One entry per line (or comma), as people paste keyword and address lists. */
    static List<String> lines(String text) {
        return Arrays.stream(text.split("[\\r\\n,]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** What the add form shows again after a refusal. */
    public record RobotForm(String name, boolean signing, String keywords, String ipRanges) {
    }
}
