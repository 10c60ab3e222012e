package hk.lantau.openplatform.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the rate limit on the operations it applies to: those an app may call (a scope in
 * {@link ScopeDocumentation#EXTENSION}) and the token endpoint, limited per source address. Each of
 * their responses carries the three {@code X-RateLimit-*} headers, and each may answer 429.
 */
@Component
class RateLimitDocumentation implements OpenApiCustomizer {

    static final String TOKEN_PATH = "/api/v1/oauth/token";
    private static final String PEOPLE_ONLY = "people-only";
    private static final Map<String, String> HEADERS = Map.of(
            "X-RateLimit-Limit", "Calls allowed per minute: the app's limit, or the token endpoint's per address.",
            "X-RateLimit-Remaining", "Calls left in the current one-minute window.",
            "X-RateLimit-Reset", "Whole seconds, rounded up, until the window ends and Remaining is back to Limit.");

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (TOKEN_PATH.equals(path) || appMayCall(operation)) {
                document(operation);
            }
        }));
    }

    private static boolean appMayCall(Operation operation) {
        Object scope = operation.getExtensions() == null ? null : operation.getExtensions().get(
                ScopeDocumentation.EXTENSION);
        return scope != null && !PEOPLE_ONLY.equals(scope);
    }

    private static void document(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        operation.getResponses().addApiResponse("429", new ApiResponse()
                .description("Over the rate limit: nothing was done. Problem code `openplatform.rate_limited`; "
                        + "try again after `Retry-After` seconds.")
                .addHeaderObject("Retry-After", header("Seconds until a call will be allowed again."))
                .content(new Content().addMediaType("application/problem+json",
                        new MediaType().schema(new ObjectSchema()))));
        operation.getResponses().values().forEach(response ->
                HEADERS.forEach((name, description) -> response.addHeaderObject(name, header(description))));
    }

    private static Header header(String description) {
        return new Header().description(description).schema(new IntegerSchema());
    }
}
