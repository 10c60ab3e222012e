/**
 * The organisation's directory: the department tree (with virtual project departments), people
 * with their DingTalk-compatible profile and protected fields, roles and memberships, imports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package hk.lantau.directory;
