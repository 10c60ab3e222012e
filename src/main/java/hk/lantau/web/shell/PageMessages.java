package hk.lantau.web.shell;

import hk.lantau.shared.FieldViolation;
import hk.lantau.shared.LantauException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Error messages in the page's language. A module's error is looked up by its stable code under
 * {@code problem.}; codes without a translation show the module's own English message.
 */
@Component
public class PageMessages {

    private final MessageSource messages;

    PageMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    public String problem(LantauException e) {
        return messages.getMessage("problem." + e.code(), null, e.getMessage(), LocaleContextHolder.getLocale());
    }

    public String violation(FieldViolation violation) {
        return messages.getMessage("problem." + violation.code(), null, violation.message(),
                LocaleContextHolder.getLocale());
    }
}
