package hk.lantau.messaging.internal.ding;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail through the mail server of {@code spring.mail.*}. Without {@code spring.mail.host} Spring
 * makes no mail sender, and every e-mail attempt is recorded as not configured.
 */
@Component
class MailChannel {

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    MailChannel(ObjectProvider<JavaMailSender> sender,
                @Value("${lantau.mail.from:${spring.mail.username:lantau@localhost}}") String from) {
        this.sender = sender;
        this.from = from;
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    Delivery send(String to, String subject, String body) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return Delivery.notConfigured("No mail server is configured (spring.mail.host).");
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body);
            mail.send(message);
            return Delivery.sent();
        } catch (MailException | MessagingException e) {
            // The exception text can name the address; keep only its kind.
            return Delivery.failed("The mail server refused or could not be reached: " + e.getClass().getSimpleName());
        }
    }
}
