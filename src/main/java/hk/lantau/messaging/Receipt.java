package hk.lantau.messaging;

import java.util.List;

/**
 * Who has read one message and who has not, worked out from the members' read positions. The
 * sender is in neither list, nor is anyone who joined after the message was sent.
 */
public record Receipt(long messageId, long seq, int readCount, int unreadCount, List<Reader> read,
                      List<Reader> unread) {

    public Receipt {
        read = List.copyOf(read);
        unread = List.copyOf(unread);
    }

    public record Reader(String userId, String name) {
    }
}
