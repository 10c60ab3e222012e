/**
 * DingTalk's open-platform API on DingTalk's own paths and wire format, so integrations written
 * for DingTalk work by changing their base URL. It translates onto the other modules' APIs and
 * holds no business rules; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "DingTalk-compatible API")
package hk.lantau.compat;
