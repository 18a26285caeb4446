package dev.tillpoint.customers;

import dev.tillpoint.shared.ErrorCode;
import dev.tillpoint.shared.Ids;
import dev.tillpoint.shared.Result;
import dev.tillpoint.shared.StoredTime;
import dev.tillpoint.shared.UniqueConstraints;
import dev.tillpoint.shared.ValidationErrors;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** Registers the bank's customers (admin set-up), shows one and answers whether one exists. */
@Stateless
public class CustomerService {

    private static final String ID_PREFIX = "cus";

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Clock clock;

    /**
     * Registers a customer under the given id, or a generated one when it is null.
     *
     * @return the customer; {@code VALIDATION_FAILED} on {@code id} or {@code name}; {@code DUPLICATE}
     *         when the id is taken
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Result<CustomerView> register(NewCustomer command) {
        Objects.requireNonNull(command, "command");
        ValidationErrors errors = new ValidationErrors();
        errors.checkOptionalId("id", command.id()).checkName("name", command.name(), Customer.MAX_NAME_LENGTH);
        if (!errors.isEmpty()) {
            return errors.toFailure();
        }
        String id = command.id() != null ? command.id() : Ids.generate(ID_PREFIX);
        if (em.find(Customer.class, id) != null) {
            return duplicate();
        }
        Customer customer = new Customer(id, command.name(), StoredTime.now(clock));
        em.persist(customer);
        if (!UniqueConstraints.flushUnlessViolated(em, session)) {
            return duplicate();
        }
        return Result.ok(customer.view());
    }

    /** The customer, empty when there is none with this id. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CustomerView> find(String id) {
        if (!Ids.isValid(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(Customer.class, id)).map(Customer::view);
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean exists(String id) {
        return Ids.isValid(id) && em.find(Customer.class, id) != null;
    }

    private static <T> Result<T> duplicate() {
        return Result.failure(ErrorCode.DUPLICATE, "A customer with this id already exists.");
    }
}
