package hk.lantau.compat.internal.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gathers a transaction's contact changes, one per person or department, and raises them just
 * before the transaction commits, so they are still part of it: a rollback raises nothing and
 * whatever the listeners write commits with the change. Outside a transaction each is raised at
 * once. The data is DingTalk's: the id in a one-element list and {@code timeStamp}, milliseconds
 * as a string. {@code user_modify_org} carries no {@code diffInfo}: Lantau's change records name
 * its own fields and withhold protected values.
 */
@Component
class ContactChanges {

    private static final Object KEY = new Object();

    private final DingTalkEvents events;

    ContactChanges(DingTalkEvents events) {
        this.events = events;
    }

    void user(long tenantId, String userId, ContactEvent type) {
        add(new Subject(tenantId, userId, false), type);
    }

    void department(long tenantId, long departmentId, ContactEvent type) {
        add(new Subject(tenantId, departmentId, true), type);
    }

    private void add(Subject subject, ContactEvent type) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            raise(subject, type);
            return;
        }
        @SuppressWarnings("unchecked")
        Map<Subject, ContactEvent> pending = (Map<Subject, ContactEvent>) TransactionSynchronizationManager
                .getResource(KEY);
        if (pending == null) {
            Map<Subject, ContactEvent> created = new LinkedHashMap<>();
            TransactionSynchronizationManager.bindResource(KEY, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    created.forEach(ContactChanges.this::raise);
                    created.clear();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
                }
            });
            pending = created;
        }
        pending.merge(subject, type, ContactEvent::strongest);
    }

    private void raise(Subject subject, ContactEvent type) {
        Instant now = events.now();
        events.raise(subject.tenantId(), type.wire(), now, Map.of(type.idMember(), List.of(subject.id()),
                "timeStamp", Long.toString(now.toEpochMilli())));
    }

    private record Subject(long tenantId, Object id, boolean department) {
    }
}
