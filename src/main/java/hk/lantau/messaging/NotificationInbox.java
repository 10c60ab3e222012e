package hk.lantau.messaging;

import java.util.List;

/** A page of a person's work notifications, newest first, and how many of all of them are unread. */
public record NotificationInbox(List<NotificationView> items, String nextCursor, int unread) {

    public NotificationInbox {
        items = List.copyOf(items);
    }
}
