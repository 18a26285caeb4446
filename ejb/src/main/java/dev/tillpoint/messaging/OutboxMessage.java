package dev.tillpoint.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A message written in the same transaction as the change it announces, waiting for the relay to
 * send it. The row is deleted once the broker has the message: the facts it tells of are kept in
 * their own tables, so the outbox holds only what is still on its way.
 */
@Entity
@Table(name = "outbox_messages")
public class OutboxMessage {

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Destination destination;

    @Column(nullable = false)
    private String type;

    @Column(nullable = false, length = 16000)
    private String body;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "send_attempts", nullable = false)
    private int sendAttempts;

    protected OutboxMessage() {
        // for JPA
    }

    OutboxMessage(Envelope envelope, Destination destination) {
        this.id = envelope.messageId();
        this.destination = destination;
        this.type = envelope.type();
        this.body = envelope.toJson();
        this.createdAt = envelope.occurredAt();
    }

    String id() {
        return id;
    }

    Destination destination() {
        return destination;
    }

    String type() {
        return type;
    }

    String body() {
        return body;
    }

    int sendAttempts() {
        return sendAttempts;
    }

    void countSendAttempt() {
        sendAttempts++;
    }
}
