/**
 * Smart forms' pages: the forms that ask me and the page to answer one (drawn with the approval
 * form's fields), and for designers the list, the editor and each round's summary with exports.
 */
package hk.lantau.web.forms;
