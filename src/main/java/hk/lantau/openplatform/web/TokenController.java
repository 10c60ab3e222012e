package hk.lantau.openplatform.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import hk.lantau.openplatform.AccessToken;
import hk.lantau.openplatform.AccessTokens;
import hk.lantau.openplatform.TokenRefusedException;
import hk.lantau.shared.PeopleOnly;
import hk.lantau.shared.Problems;
import hk.lantau.shared.Scope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 token endpoint for the client-credentials grant (RFC 6749 §4.4). Nobody is signed in
 * here: the app proves itself with its key and secret, so no app acts as an authenticated app on this
 * endpoint, which is why it is marked people-only like sign-in.
 */
@RestController
@PeopleOnly
@Tag(name = "App tokens", description = "Access tokens for apps (OAuth 2.0 client credentials)")
class TokenController {

    private static final String DESCRIPTION = """
            Send `application/x-www-form-urlencoded` with `grant_type=client_credentials` and the app's key and
            secret, either as `client_id` and `client_secret` or with HTTP Basic (not both). The token works for
            7,200 seconds (less if the secret stops sooner) as `Authorization: Bearer <access_token>`, with the
            app's scopes. An optional `scope` (space-separated) is checked against them. Errors are problem
            details with a `code` and the RFC 6749 members `error` and `error_description`: 401 invalid_client
            (openplatform.invalid_client, openplatform.secret_revoked, openplatform.secret_expired,
            openplatform.secret_grace_ended), 400 invalid_request, unsupported_grant_type or invalid_scope, and
            403 unauthorized_client (openplatform.app_disabled, openplatform.organisation_suspended,
            openplatform.ip_not_allowed).""";

    private final AccessTokens tokens;

    TokenController(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/oauth/token")
    @Operation(summary = "Grant an app an access token", description = DESCRIPTION,
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                    schema = @Schema(implementation = TokenForm.class))))
    @ApiResponse(responseCode = "200", description = "The token", content = @Content(
            schema = @Schema(implementation = TokenResponse.class)))
    ResponseEntity<TokenResponse> token(HttpServletRequest request) {
        requireForm(request);
        String grantType = single(request, "grant_type");
        if (grantType == null) {
            throw TokenRefusedException.invalidRequest("grant_type is required; use client_credentials.");
        }
        if (!grantType.equals("client_credentials")) {
            throw new TokenRefusedException(HttpStatus.BAD_REQUEST, "unsupported_grant_type",
                    "openplatform.unsupported_grant_type",
                    "Only the client_credentials grant is supported, not '" + cut(grantType) + "'.");
        }
        String[] credentials = credentials(request);
        String scope = single(request, "scope");
        List<String> scopes = scope == null ? null : Arrays.stream(scope.strip().split(" +")).toList();
        AccessToken token = tokens.grant(credentials[0], credentials[1], scopes, request.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds(),
                        String.join(" ", token.scopes().stream().map(Scope::key).sorted().toList())));
    }

    @ExceptionHandler(TokenRefusedException.class)
    ResponseEntity<ProblemDetail> refused(TokenRefusedException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e, request);
        problem.setProperty("error", e.error());
        problem.setProperty("error_description", e.getMessage());
        var response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lantau\"");
        }
        return response.body(problem);
    }

    private static void requireForm(HttpServletRequest request) {
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(type)) {
            throw TokenRefusedException.invalidRequest("Send the request as application/x-www-form-urlencoded.");
        }
        if (request.getQueryString() != null && !request.getQueryString().isEmpty()) {
            throw TokenRefusedException.invalidRequest("Send the parameters in the request body, not the address.");
        }
    }

    /** The app key and secret from HTTP Basic or from the body: exactly one of the two. */
    private static String[] credentials(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String id = single(request, "client_id");
        String secret = single(request, "client_secret");
        if (header == null) {
            return new String[] {id, secret};
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw TokenRefusedException.invalidClient("openplatform.invalid_client",
                    "Authenticate with HTTP Basic or with client_id and client_secret in the body.");
        }
        if (secret != null) {
            throw TokenRefusedException.invalidRequest("Send the secret with HTTP Basic or in the body, not both.");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw TokenRefusedException.invalidClient("openplatform.invalid_client", "The Basic credentials are "
                    + "not valid Base64.");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw TokenRefusedException.invalidClient("openplatform.invalid_client",
                    "The Basic credentials must be the app key and secret separated by a colon.");
        }
        String basicId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
        if (id != null && !id.equals(basicId)) {
            throw TokenRefusedException.invalidRequest("client_id differs from the app key in the Basic credentials.");
        }
        return new String[] {basicId, URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    /** A parameter sent at most once; an empty value counts as absent (RFC 6749 §3.1). */
    private static String single(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        if (values.length > 1) {
            throw TokenRefusedException.invalidRequest(name + " is sent more than once.");
        }
        return values[0].isEmpty() ? null : values[0];
    }

    private static String cut(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    @Schema(name = "TokenRequest")
    record TokenForm(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "client_credentials")
                     String grant_type,
                     @Schema(description = "The app key, unless sent with HTTP Basic", example = "ding1a2b3c4d5e6f7a8b")
                     String client_id,
                     @Schema(description = "The app secret, unless sent with HTTP Basic") String client_secret,
                     @Schema(description = "Optional, space-separated; must be scopes the app holds",
                             example = "user.read") String scope) {
    }

    @Schema(example = """
            {"access_token": "lat.8Jx…", "token_type": "Bearer", "expires_in": 7200, "scope": "department.read user.read"}""")
    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn,
                         String scope) {
    }
}
