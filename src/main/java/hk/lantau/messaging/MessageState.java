package hk.lantau.messaging;

/** A message as sent, recalled by its author, or removed by a moderator (the last two keep no content). */
public enum MessageState { SENT, RECALLED, REMOVED }
