package org.ruralbank.ingest.internal;

import java.util.List;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Alerts by e-mail through the SMTP server of {@code spring.mail.*} (its password from the environment,
 * {@code SPRING_MAIL_PASSWORD}), from {@code ruralbank.alerts.mail.from} to the addresses of
 * {@code ruralbank.alerts.mail.to}.
 */
final class MailChannel implements AlertChannel {

    private final JavaMailSender sender;
    private final String from;
    private final List<String> to;

    MailChannel(JavaMailSender sender, String from, List<String> to) {
        this.sender = sender;
        this.from = from;
        this.to = List.copyOf(to);
    }

    @Override
    public Kind kind() {
        return Kind.MAIL;
    }

    @Override
    public void send(String subject, String text) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject);
        message.setText(text);
        sender.send(message);
    }
}
