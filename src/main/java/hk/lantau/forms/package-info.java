/**
 * Smart forms: forms built from approval's form components, sent to an audience on a schedule
 * (once, daily, on working days or on chosen weekdays), with reminders to those who have not
 * answered, a live summary, exports and a retention period after which answers are purged.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Smart forms")
package hk.lantau.forms;
