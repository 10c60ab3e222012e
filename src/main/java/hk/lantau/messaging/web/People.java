package hk.lantau.messaging.web;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;

/** The signed-in person a chat call acts for; chat belongs to people of an organisation. */
final class People {

    private People() {
    }

    static Actor current() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER || actor.userId() == null) {
            throw LantauException.notFound("messaging.conversation_not_found", "Chat is for people of an organisation.");
        }
        actor.requireTenant();
        return actor;
    }
}
