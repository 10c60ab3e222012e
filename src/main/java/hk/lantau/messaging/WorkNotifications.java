package hk.lantau.messaging;

import hk.lantau.shared.CursorPage;

/**
 * Work notifications sent by apps (scope {@code notification.send}) and people holding
 * {@code messaging.notify}. Sending only records the task; recipients are resolved and reached
 * by a background job in batches, so the task's progress is meaningful for large audiences. The
 * caller is the current actor; a task is visible to its sender and to people holding
 * {@code messaging.moderate}, and is 404 to everyone else.
 */
public interface WorkNotifications {

    /** Validates and records a notification; 400 for bad content or audience. */
    NotificationTask send(long tenantId, NewNotification notification);

    NotificationTask task(long tenantId, long taskId);

    /** The people of one result list, in userid order. */
    CursorPage<NotificationRecipient> recipients(long tenantId, long taskId, RecipientState state, String cursor,
                                                 int limit);

    /** Takes the notification back from everyone who received it and stops its delivery. */
    NotificationTask recall(long tenantId, long taskId);

    /** The current person's notifications, newest first. */
    NotificationInbox inbox(long tenantId, String cursor, int limit);

    /** Marks one of the current person's notifications read; 404 if they have no such notification. */
    NotificationView markRead(long tenantId, long notificationId);
}
