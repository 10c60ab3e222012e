package hk.lantau.web.notifications;

import hk.lantau.messaging.NotificationInbox;
import hk.lantau.messaging.NotificationView;
import hk.lantau.messaging.WorkNotifications;
import hk.lantau.web.shell.Person;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's work notifications: what apps, HR and Lantau itself sent them, newest first, unread
 * ones marked until they mark them read. The live client refreshes the list when one arrives or is
 * recalled.
 */
@Controller
@RequestMapping("/notifications")
class NotificationsPageController {

    static final int PAGE = 30;

    private final WorkNotifications notifications;

    NotificationsPageController(WorkNotifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    String inbox(@RequestParam(required = false) String cursor,
                 @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        Person me = Person.current();
        NotificationInbox inbox = notifications.inbox(me.tenantId(), cursor, PAGE);
        model.addAttribute("inbox", inbox);
        model.addAttribute("items", inbox.items().stream().map(NotificationItem::of).toList());
        model.addAttribute("cursor", cursor);
        return htmx == null ? "notifications/inbox" : "notifications/inbox :: inbox";
    }

    @PostMapping("/{id}/read")
    String read(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                Model model) {
        Person me = Person.current();
        NotificationView read = notifications.markRead(me.tenantId(), id);
        if (htmx == null) {
            return "redirect:/notifications";
        }
        model.addAttribute("item", NotificationItem.of(read));
        return "notifications/inbox :: item";
    }
}
