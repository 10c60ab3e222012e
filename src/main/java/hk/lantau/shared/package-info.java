/**
 * Types every module may use: the acting principal, error types, paging, events that the audit
 * trail and the personal-data contract understand, and the clock.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel")
package hk.lantau.shared;
