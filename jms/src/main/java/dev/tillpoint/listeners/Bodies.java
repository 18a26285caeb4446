package dev.tillpoint.listeners;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** The text of a Tillpoint message; anything else is poison. */
final class Bodies {

    private Bodies() {
    }

    /**
     * @return the text, or null for a message that is no text message (the envelope refuses null)
     * @throws IllegalStateException when the broker cannot hand the body over: let it fail and redeliver
     */
    static String text(Message message) {
        if (!(message instanceof TextMessage text)) {
            return null;
        }
        try {
            return text.getText();
        } catch (JMSException e) {
            throw new IllegalStateException("The message body could not be read", e);
        }
    }
}
