package hk.lantau.web.chat;

import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import hk.lantau.shared.LantauException;

/** The signed-in person the messaging pages act for. Operators have no conversations. */
record ChatPerson(long tenantId, String userId, String name) {

    static ChatPerson current() {
        Actor actor = CurrentActor.get();
        if (actor.kind() != ActorKind.USER || actor.tenantId() == null) {
            throw LantauException.notFound("messaging.conversation_not_found", "Only people of an organisation chat.");
        }
        return new ChatPerson(actor.tenantId(), actor.userId(), actor.name());
    }
}
