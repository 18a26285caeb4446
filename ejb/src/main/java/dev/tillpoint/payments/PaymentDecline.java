package dev.tillpoint.payments;

import dev.tillpoint.shared.ErrorCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A declined payment, kept for audit and for counting wrong codes; it moved no money. Never changed. */
@Entity
@Table(name = "payment_declines")
public class PaymentDecline {

    @Id
    @Column(name = "id", length = 64, nullable = false, updatable = false)
    private String id;

    @Column(name = "terminal_id", length = 64, nullable = false, updatable = false)
    private String terminalId;

    @Column(name = "merchant_id", length = 64, nullable = false, updatable = false)
    private String merchantId;

    @Column(name = "user_id", length = 64, nullable = false, updatable = false)
    private String userId;

    @Column(name = "authorization_id", length = 64, updatable = false)
    private String authorizationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "code", length = 32, nullable = false, updatable = false)
    private ErrorCode code;

    @Column(name = "amount_minor", nullable = false, updatable = false)
    private long amountMinor;

    @Column(name = "currency", length = 3, nullable = false, updatable = false)
    private String currency;

    /** The matched step, for the declines that count toward its cap; else null. */
    @Column(name = "code_step", updatable = false)
    private Long codeStep;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected PaymentDecline() {
        // for JPA
    }

    /**
     * @param authorizationId the matched authorization, null for CODE_INVALID
     * @param codeStep        the matched step when the decline counts toward its cap, else null
     */
    PaymentDecline(String id, String terminalId, String merchantId, PaymentCommand command, String authorizationId,
            ErrorCode code, Long codeStep, Instant createdAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.terminalId = Objects.requireNonNull(terminalId, "terminalId");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.userId = command.userId();
        this.authorizationId = authorizationId;
        this.code = Objects.requireNonNull(code, "code");
        this.amountMinor = command.amount();
        this.codeStep = codeStep;
        this.currency = command.currency();
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }
}
