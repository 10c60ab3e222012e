/**
 * Running an installation: the operator's first start, and provisioning organisations with their
 * first administrator across the tenant, directory and identity modules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Installation")
package hk.lantau.installation;
