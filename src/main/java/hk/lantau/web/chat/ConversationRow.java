package hk.lantau.web.chat;

import hk.lantau.messaging.ConversationView;

/** One conversation in the list: its title, the last message in a line, and when it was active. */
public record ConversationRow(ConversationView conversation, String title, String initials, String preview,
                              String when, boolean current) {

    public boolean unread() {
        return conversation.unreadCount() > 0;
    }

    /** The badge text: large counts are capped as chat apps do. */
    public String badge() {
        return conversation.unreadCount() > 99 ? "99+" : String.valueOf(conversation.unreadCount());
    }
}
