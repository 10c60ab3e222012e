package hk.lantau.web.chat;

import hk.lantau.messaging.MessageAuthor;
import hk.lantau.messaging.MessageState;
import hk.lantau.messaging.MessageView;
import hk.lantau.messaging.Receipt;

/**
 * One message as the chat view shows it: whose side it sits on, whether a day separator comes
 * before it, and for one's own messages how many have read it ({@code receipt}, else null).
 */
public record ChatLine(MessageView message, boolean own, boolean direct, boolean newDay, String dayKey,
                       String dayLabel, String time, String initials, String excerpt, boolean mentionsMe, boolean recallable,
                       Receipt receipt) {

    /** Written by Lantau itself (someone joined, the group was renamed): shown centred, without a bubble. */
    public boolean notice() {
        return message.author().kind() == MessageAuthor.Kind.SYSTEM || "system".equals(message.kind());
    }

    /** Recalled or removed: only a tombstone remains. */
    public boolean gone() {
        return message.state() != MessageState.SENT;
    }

    /** Everyone who could read it has: the count stops changing. */
    public boolean allRead() {
        return receipt != null && receipt.unreadCount() == 0 && receipt.readCount() > 0;
    }
}
