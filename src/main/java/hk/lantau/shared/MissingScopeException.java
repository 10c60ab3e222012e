package hk.lantau.shared;

/**
 * An app called an endpoint outside its declared scopes: 403 {@code openplatform.scope_missing}, with
 * the scope it would need in the problem's {@code scope} member.
 */
public class MissingScopeException extends LantauException {

    private final Scope scope;

    public MissingScopeException(Scope scope) {
        super(org.springframework.http.HttpStatus.FORBIDDEN, "openplatform.scope_missing",
                "This call needs the scope " + scope.key() + ", which the app has not declared.");
        this.scope = scope;
    }

    public Scope scope() {
        return scope;
    }
}
