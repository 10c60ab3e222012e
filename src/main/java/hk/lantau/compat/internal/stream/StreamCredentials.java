package hk.lantau.compat.internal.stream;

import hk.lantau.identity.BearerTokenResolver;
import hk.lantau.shared.Actor;
import hk.lantau.shared.LantauException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Resolves the app's DingTalk token as any call with it would be: the app enabled, the secret it
 * was granted with still valid, the organisation active, the address on the allow-list.
 */
@Component
class StreamCredentials {

    private final List<BearerTokenResolver> resolvers;

    StreamCredentials(List<BearerTokenResolver> resolvers) {
        this.resolvers = List.copyOf(resolvers);
    }

    /** The app's actor, or empty when the token no longer opens anything. */
    Optional<Actor> actor(String token, String ip) {
        BearerTokenResolver resolver = resolvers.stream().filter(r -> r.accepts(token)).findFirst().orElse(null);
        if (resolver == null) {
            return Optional.empty();
        }
        try {
            return resolver.resolve(token, ip).filter(actor -> actor.tenantId() != null);
        } catch (LantauException refused) {
            return Optional.empty();
        }
    }
}
