package dev.tillpoint.shared;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The persistence context of the plain CDI beans ({@code @Inject EntityManager}): the container's
 * transaction-scoped proxy of the unit {@code tillpoint}, the same one an EJB's
 * {@code @PersistenceContext} gets.
 *
 * <p>Why an EJB hands it out: WildFly resolves a {@code @PersistenceContext} on a plain CDI bean
 * when Weld starts, without waiting for the persistence unit's service: the tests' redeploys failed
 * now and then with "service jboss.persistenceunit...#tillpoint not found" once plain CDI beans held
 * one. A session bean's injection is a dependency of its component, which does wait for the unit. The producer
 * runs once per injected bean, in whatever transaction is there ({@code SUPPORTS}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class TillpointPersistence {

    @PersistenceContext(unitName = "tillpoint")
    EntityManager em;

    @Produces
    public EntityManager entityManager() {
        return em;
    }
}
