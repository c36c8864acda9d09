package io.privacygate.e2e;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The SMTP server the suite's services send their mail to (GreenMail, on a free port of 127.0.0.1), so that a test
 * reads what a person would receive: a one-time code, a notification.
 */
public final class MailSink implements AutoCloseable {
    /** A received mail, as its recipient reads it. */
    public record Mail(List<String> to, String subject, String body) {
    }

    private final GreenMail server;

    MailSink() {
        server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /** The newest mail to {@code address} received after {@code since}, waiting up to {@code timeout} for it. */
    public Mail awaitMailTo(String address, Instant since, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<Mail> mail = newestTo(address, since);
            if (mail.isPresent()) {
                return mail.get();
            }
            sleep();
        }
        throw new AssertionError("no mail reached the SMTP server for the test address within " + timeout);
    }

    private Optional<Mail> newestTo(String address, Instant since) {
        MimeMessage[] received = server.getReceivedMessages();
        try {
            for (int i = received.length - 1; i >= 0; i--) {
                MimeMessage message = received[i];
                List<String> to = Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
                boolean recent = message.getSentDate() == null || !message.getSentDate().toInstant().isBefore(since.minusSeconds(1));
                if (recent && to.stream().anyMatch(recipient -> recipient.equalsIgnoreCase(address))) {
                    return Optional.of(new Mail(to, message.getSubject(), text(message)));
                }
            }
            return Optional.empty();
        } catch (MessagingException e) {
            throw new IllegalStateException("a received mail could not be read", e);
        }
    }

    /** The text a mail reader shows: decoded, every text part of a multipart mail one after the other. */
    private static String text(Part part) throws MessagingException {
        try {
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(text(multipart.getBodyPart(i))).append('\n');
                }
                return text.toString();
            }
            return part.isMimeType("text/*") ? content.toString() : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
