package hk.lantau.compat.web;

import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import java.util.Map;

/**
 * Lantau's error codes as DingTalk's errcodes (and the new family's codes). The message is Lantau's
 * own explanation, which says more than DingTalk's; codes without a DingTalk counterpart fall back
 * by status: 400002 for invalid input and conflicts, 60011 for a refused permission, -1 for a fault.
 */
final class LantauErrors {

    private record Mapped(int errcode, int httpStatus, String code) {
    }

    private static final Map<String, Mapped> CODES = Map.ofEntries(
            Map.entry("directory.user_not_found", new Mapped(60121, 404, "invalidParameter.user.notFound")),
            Map.entry("attendance.user_not_found", new Mapped(60121, 404, "invalidParameter.user.notFound")),
            Map.entry("directory.user_unknown", new Mapped(60121, 404, "invalidParameter.user.notFound")),
            Map.entry("directory.manager_unknown", new Mapped(60121, 400, "invalidParameter.manager.notFound")),
            Map.entry("directory.department_not_found", new Mapped(60003, 404, "invalidParameter.dept.notFound")),
            Map.entry("directory.department_unknown", new Mapped(60003, 400, "invalidParameter.dept.notFound")),
            Map.entry("directory.department_not_empty", new Mapped(60005, 400, "invalidParameter.dept.notEmpty")),
            Map.entry("directory.root_department", new Mapped(60007, 400, "invalidParameter.dept.root")),
            Map.entry("directory.department_name_taken", new Mapped(60021, 400, "invalidParameter.dept.nameExists")),
            Map.entry("directory.department_name_invalid", new Mapped(60001, 400, "invalidParameter.dept.name")),
            Map.entry("directory.user_id_taken", new Mapped(60102, 400, "invalidParameter.userid.exists")),
            Map.entry("directory.user_id_invalid", new Mapped(33012, 400, "invalidParameter.userid")),
            Map.entry("directory.mobile_taken", new Mapped(60104, 400, "invalidParameter.mobile.exists")),
            Map.entry("compliance.mobile_invalid", new Mapped(60103, 400, "invalidParameter.mobile")),
            Map.entry("directory.email_taken", new Mapped(60106, 400, "invalidParameter.email.exists")),
            Map.entry("directory.email_invalid", new Mapped(60105, 400, "invalidParameter.email")),
            Map.entry("directory.name_invalid", new Mapped(60112, 400, "invalidParameter.name")),
            Map.entry("openplatform.people_only", new Mapped(43007, 403, "Forbidden.AccessDenied")),
            Map.entry("approval.template_not_found", new Mapped(830001, 400, "aflowProcessCodeIsError")),
            Map.entry("approval.template_version_not_found", new Mapped(830001, 400, "aflowProcessCodeIsError")),
            Map.entry("approval.template_disabled", new Mapped(810008, 400, "processGetFailed")),
            Map.entry("approval.instance_not_found", new Mapped(820004, 400, "aflowProcessInstNotExist")),
            Map.entry("approval.instance_finished", new Mapped(820005, 400, "aflowProcessInstStatusException")),
            Map.entry("approval.task_finished", new Mapped(820006, 400, "aflowProcessInstCanNotBeExecuted")),
            Map.entry("approval.task_not_found", new Mapped(820006, 400, "aflowProcessInstCanNotBeExecuted")),
            Map.entry("approval.not_assignee", new Mapped(820006, 400, "needAuth")),
            Map.entry("approval.form_invalid", new Mapped(810003, 400, "formConverterError")),
            Map.entry("approval.originator_unknown", new Mapped(820001, 400, "processInstanceInvalidParameter")),
            Map.entry("approval.department_invalid", new Mapped(820001, 400, "processInstanceInvalidParameter")),
            Map.entry("approval.approver_choice_invalid", new Mapped(820001, 400, "targetSelectApproverScopeError")),
            Map.entry("approval.attachment_unknown", new Mapped(810003, 400, "formConverterError")),
            Map.entry("compat.callback_exists", new Mapped(71006, 400, "callbackExist")),
            Map.entry("compat.callback_not_found", new Mapped(71007, 404, "callbackNotExist")),
            Map.entry("compat.callback_unanswered", new Mapped(71009, 400, "callbackCheckFailed")),
            Map.entry("compat.callback_token_invalid", new Mapped(40035, 400, "invalidParameter.token")),
            Map.entry("compat.callback_aes_key_invalid", new Mapped(40035, 400, "invalidParameter.aesKey")),
            Map.entry("compat.callback_url_missing", new Mapped(40035, 400, "invalidParameter.url")),
            Map.entry("compat.callback_tag_unknown", new Mapped(40035, 400, "invalidParameter.callBackTag")),
            Map.entry("openplatform.callback_invalid", new Mapped(40035, 400, "invalidParameter.url")),
            Map.entry("openplatform.callback_insecure", new Mapped(40035, 400, "invalidParameter.url")),
            Map.entry("openplatform.callback_internal", new Mapped(40035, 400, "invalidParameter.url")),
            Map.entry("openplatform.callback_unresolvable", new Mapped(40035, 400, "invalidParameter.url")));
    /** Every refusal of a submitted form value ({@code approval.field_required}, …) is DingTalk's form error. */
    private static final String FORM_FIELD = "approval.field_";
    private static final Mapped FORM_ERROR = new Mapped(810003, 400, "formConverterError");

    private LantauErrors() {
    }

    static DingTalkException translate(LantauException e) {
        FieldViolation first = e.violations().isEmpty() ? null : e.violations().get(0);
        String code = first == null ? e.code() : first.code();
        String message = first == null ? e.getMessage() : first.field() + ": " + first.message();
        Mapped mapped = code.startsWith(FORM_FIELD) ? FORM_ERROR : CODES.get(code);
        if (mapped != null) {
            return DingTalkException.business(mapped.errcode(), message, mapped.httpStatus(), mapped.code());
        }
        int status = e.status().value();
        if (status == 403) {
            return new DingTalkException(60011, message, true, 403, "Forbidden.AccessDenied");
        }
        if (status >= 500) {
            return DingTalkException.busy();
        }
        return DingTalkException.business(400002, message, status == 404 ? 404 : 400, "invalidParameter");
    }
}
