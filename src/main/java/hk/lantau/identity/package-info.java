/**
 * Sign-in: accounts and passwords, sessions, one-time links, and the security configuration that
 * turns a session or token into the request's {@link hk.lantau.shared.Actor}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package hk.lantau.identity;
