package dev.tillpoint.listeners;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** The text of a Tillpoint message, which is always a JMS text message holding JSON. */
final class TextMessages {

    private TextMessages() {
    }

    /**
     * @throws IllegalArgumentException for any other kind of message: poison, which the listener
     *                                  lets fail so that it ends in the dead-letter queue
     */
    static String textOf(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new IllegalArgumentException("Tillpoint messages are JSON text; got " + message.getClass().getSimpleName());
        }
        try {
            return text.getText();
        } catch (JMSException e) {
            throw new IllegalStateException("The message's text is unreadable", e);
        }
    }
}
