package hk.lantau.web.ding;

import hk.lantau.messaging.DingView;
import hk.lantau.messaging.Dings;
import hk.lantau.shared.Actor;
import hk.lantau.shared.ActorKind;
import hk.lantau.shared.CurrentActor;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Every page a person sees carries the DINGs they still have to confirm, for the banner above it. */
@ControllerAdvice(basePackages = "hk.lantau.web")
class DingBannerAdvice {

    private final Dings dings;

    DingBannerAdvice(Dings dings) {
        this.dings = dings;
    }

    /** The person's unconfirmed DINGs; nothing for operators and visitors who are not signed in. */
    @ModelAttribute("dingBanner")
    List<DingView> banner() {
        Optional<Actor> actor = CurrentActor.find();
        if (actor.isEmpty() || actor.get().kind() != ActorKind.USER || actor.get().tenantId() == null) {
            return List.of();
        }
        return dings.unconfirmed(actor.get().tenantId());
    }
}
