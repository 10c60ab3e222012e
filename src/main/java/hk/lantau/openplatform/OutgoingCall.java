package hk.lantau.openplatform;

import java.net.URI;
import java.util.Optional;

/** A POST of a JSON body to a receiver, and how to judge its answer. */
public interface OutgoingCall {

    URI uri();

    String body();

    /** Why an answer is not a success, or empty when it is; {@code responseBody} may be cut or {@code null}. */
    Optional<String> failure(int status, String responseBody);
}
