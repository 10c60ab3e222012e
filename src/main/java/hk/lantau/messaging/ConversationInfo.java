package hk.lantau.messaging;

/** A conversation as other parts of Lantau see it. {@code ownerId} is null for direct conversations. */
public record ConversationInfo(String id, ConversationKind kind, String name, String ownerId, int memberCount,
                               boolean dismissed) {
}
