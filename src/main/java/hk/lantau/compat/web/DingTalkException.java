package hk.lantau.compat.web;

/**
 * An error answered in DingTalk's shape: the old family's errcode and errmsg, and the new family's
 * HTTP status and code. {@code platform} errors (tokens, scopes, limits, addresses) are wrapped on
 * {@code /topapi} as errcode 88 with this errcode as {@code sub_code}, as DingTalk's gateway does.
 * The messages are DingTalk's own where DingTalk documents one.
 */
class DingTalkException extends RuntimeException {

    private final int errcode;
    private final boolean platform;
    private final int httpStatus;
    private final String code;

    DingTalkException(int errcode, String errmsg, boolean platform, int httpStatus, String code) {
        super(errmsg, null, false, false);
        this.errcode = errcode;
        this.platform = platform;
        this.httpStatus = httpStatus;
        this.code = code;
    }

    int errcode() {
        return errcode;
    }

    String errmsg() {
        return getMessage();
    }

    boolean platform() {
        return platform;
    }

    int httpStatus() {
        return httpStatus;
    }

    String code() {
        return code;
    }

    static DingTalkException tokenMissing(Family family) {
        return family == Family.NEW
                ? new DingTalkException(41001, "缺少参数：x-acs-dingtalk-access-token", true, 400,
                        "AuthenticationFailed.MissingParameter")
                : family == Family.TOPAPI
                ? new DingTalkException(40000, "access_token is blank", true, 400, "MissingParameter")
                : new DingTalkException(41001, "缺少access_token参数", false, 400, "MissingParameter");
    }

    static DingTalkException tokenInvalid() {
        return new DingTalkException(40014, "不合法的access_token", true, 400, "InvalidAuthentication");
    }

    static DingTalkException addressNotAllowed() {
        return new DingTalkException(60020, "访问ip不在白名单之中", true, 403,
                "Forbidden.AccessDenied.IpNotInWhiteList");
    }

    static DingTalkException scopeMissing(String scope) {
        return new DingTalkException(60011, "没有调用该接口的权限，需要权限：" + scope, true, 403,
                "Forbidden.AccessDenied.AccessTokenPermissionDenied");
    }

    static DingTalkException rateLimited(long limitPerMinute, long retryAfterSeconds) {
        return new DingTalkException(90018, "当前应用调用接口次数超过限制（每分钟" + limitPerMinute + "次），请"
                + retryAfterSeconds + "秒后重试", true, 403, "Forbidden.AccessDenied.QpmLimitForAppkeyAndApi");
    }

    /** A path under DingTalk's prefixes that Lantau does not serve. */
    static DingTalkException unknownPath(Family family, String path) {
        return switch (family) {
            case TOPAPI -> new DingTalkException(22, "Invalid method[submsg=不合法ApiName，ApiName = "
                    + apiName(path) + "]", false, 404, "InvalidAction.NotFound");
            case OLD -> new DingTalkException(404, "请求的URI地址不存在", false, 404, "InvalidAction.NotFound");
            case NEW -> new DingTalkException(404, "Specified api is not found, please check your url and method.",
                    false, 404, "InvalidAction.NotFound");
        };
    }

    static DingTalkException missingParameter(String name) {
        return new DingTalkException(40035, "缺少参数 " + name, false, 400, "MissingParameter");
    }

    static DingTalkException invalidParameter(String name) {
        return new DingTalkException(40035, "不合法的参数 " + name, false, 400, "invalidParameter");
    }

    static DingTalkException notJson() {
        return new DingTalkException(43009, "请求体必须为JSON格式", false, 400, "invalidParameter");
    }

    static DingTalkException tooLarge() {
        return new DingTalkException(40035, "请求体过大，最多1 MiB", false, 413, "invalidParameter.body.tooLarge");
    }

    static DingTalkException badCredentials(boolean legacyCorpId) {
        return legacyCorpId
                ? new DingTalkException(40089, "不合法的corpid或corpsecret", false, 400, "invalidClientIdOrSecret")
                : new DingTalkException(40096, "不合法的appKey或appSecret", false, 400, "invalidClientIdOrSecret");
    }

    static DingTalkException userNotFound() {
        return new DingTalkException(60121, "找不到该用户", false, 404, "invalidParameter.user.notFound");
    }

    static DingTalkException departmentNotFound() {
        return new DingTalkException(60003, "部门不存在", false, 404, "invalidParameter.dept.notFound");
    }

    static DingTalkException busy() {
        return new DingTalkException(-1, "系统繁忙", false, 500, "systemError");
    }

    /** A business error with DingTalk's errcode and Lantau's own explanation. */
    static DingTalkException business(int errcode, String errmsg, int httpStatus, String code) {
        return new DingTalkException(errcode, errmsg, false, httpStatus, code);
    }

    /** {@code /topapi/v2/user/notexist} as DingTalk names it: {@code dingtalk.oapi.v2.user.notexist}. */
    private static String apiName(String path) {
        return "dingtalk.oapi." + path.substring("/topapi/".length()).replace('/', '.');
    }
}
