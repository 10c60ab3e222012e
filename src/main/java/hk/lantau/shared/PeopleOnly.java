package hk.lantau.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An API endpoint no app may call, whatever its scopes: signing in, MFA, one's own sessions,
 * security policy, app administration and the operator's calls. Apps get 403 {@code openplatform.people_only}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PeopleOnly {
}
