/**
 * Messaging: one-to-one and group conversations with read receipts, DING, group robots, work
 * notifications, and each person's ordered event stream, delivered live over WebSocket and
 * replayed to clients that reconnect.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package hk.lantau.messaging;
