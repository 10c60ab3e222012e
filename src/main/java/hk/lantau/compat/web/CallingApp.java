package hk.lantau.compat.web;

import hk.lantau.openplatform.AppView;
import hk.lantau.openplatform.Apps;
import hk.lantau.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * The app a DingTalk call acts as, and DingTalk's names for it: its {@code agent_id} (AgentId) is
 * the app's Lantau id, its {@code robotCode} and OAuth {@code client_id} the app key.
 */
@Component
class CallingApp {

    private final Apps apps;

    CallingApp(Apps apps) {
        this.apps = apps;
    }

    AppView of(Actor actor) {
        return apps.findByKey(actor.requireTenant(), actor.userId()).orElseThrow(DingTalkException::tokenInvalid);
    }

    /** The app, after checking that {@code agent_id} names it, as DingTalk checks an AgentId against its token. */
    AppView withAgentId(Actor actor, long agentId) {
        AppView app = of(actor);
        if (app.id() != agentId) {
            throw DingTalkException.business(400002, "agent_id " + agentId
                    + " is not this app's: use the app's Lantau id (" + app.id() + ")", 400, "invalidParameter");
        }
        return app;
    }
}
