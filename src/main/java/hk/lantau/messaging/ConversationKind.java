package hk.lantau.messaging;

/** One-to-one (one per pair), a group people manage, or a department's group that follows the directory. */
public enum ConversationKind { DIRECT, GROUP, DEPARTMENT }
