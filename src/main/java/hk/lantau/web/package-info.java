/**
 * The pages people use in a browser: the workspace shell, sign-in and password links, the
 * operator's organisations and the admin console. Pages call other modules' APIs only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web pages")
package hk.lantau.web;
