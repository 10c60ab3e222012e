package hk.lantau.messaging;

/** Scheduled for later, sent (reminders running until everyone confirms), or cancelled by its sender. */
public enum DingStatus { SCHEDULED, SENT, CANCELLED }
