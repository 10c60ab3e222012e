/**
 * The approval pages: submitting, deciding and following approvals in the workspace, and the
 * admin's list of every approval and the structured template editor. They call only the approval
 * module's API.
 */
package hk.lantau.web.approvals;
