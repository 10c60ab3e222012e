package hk.lantau.web.shell;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;

/**
 * The signed-in person a workspace page acts for. Operators and apps have no conversations,
 * DINGs or notifications: for them these pages are not found.
 */
public record Person(long tenantId, String userId, String name) {

    public static Person current() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER || actor.tenantId() == null) {
            throw LantauException.notFound("web.person_only", "Only people of an organisation use this page.");
        }
        return new Person(actor.tenantId(), actor.userId(), actor.name());
    }
}
