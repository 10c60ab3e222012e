/**
 * The open platform: internal apps with scoped credentials and tokens, per-app rate limits, the
 * API access log, and platform events delivered to apps as signed webhooks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Open platform")
package hk.lantau.openplatform;
