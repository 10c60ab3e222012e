/**
 * Approval forms and processes as data: checking a template's form and process, reading a
 * submission into typed values, and evaluating branch conditions. Pure logic, no storage.
 */
package hk.lantau.approval.internal.form;
