package hk.lantau.compat.web;

/**
 * DingTalk's two API families, and the old family's {@code /topapi} part, which wraps platform
 * errors (tokens, scopes, limits) as errcode 88 with a {@code sub_code}.
 */
enum Family {
    /** {@code /topapi/...}: HTTP 200 with errcode; platform errors as 88 with sub_code. */
    TOPAPI,
    /** The other old paths ({@code /gettoken}, {@code /user/...}, …): HTTP 200 with the bare errcode. */
    OLD,
    /** {@code /v1.0/...}: HTTP errors with {@code code}, {@code message} and {@code requestid}. */
    NEW;

    static Family of(String path) {
        if (path.startsWith("/v1.0/")) {
            return NEW;
        }
        return path.startsWith("/topapi/") ? TOPAPI : OLD;
    }
}
