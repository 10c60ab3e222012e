package hk.lantau.openplatform.internal;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Writes into the OpenAPI document what each operation asks of apps: the scope they need, or that
 * only people may call it, as text and as the extension {@code x-lantau-scope}.
 */
@Component
class ScopeDocumentation implements OperationCustomizer {

    static final String EXTENSION = "x-lantau-scope";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        ScopeDeclaration declared = ScopeDeclaration.of(handler);
        if (!declared.declared()) {
            return operation;
        }
        String note = declared.peopleOnly() ? "People only: apps cannot call this."
                : "Apps need the scope `" + declared.scope().key() + "`.";
        operation.setDescription(operation.getDescription() == null ? note : operation.getDescription() + "\n\n" + note);
        operation.addExtension(EXTENSION, declared.peopleOnly() ? "people-only" : declared.scope().key());
        return operation;
    }
}
