/**
 * Approvals: DingTalk-style templates (a form and a nested process of approver, CC and condition
 * steps) compiled to BPMN 2.0 and run on an embedded Flowable engine, with instances, tasks,
 * timeouts, reminders and triggers. Flowable's types never leave {@code approval.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approvals")
package hk.lantau.approval;
