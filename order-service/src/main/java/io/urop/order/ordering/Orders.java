package io.urop.order.ordering;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The orders of the tenant bound to the transaction; another tenant's are not found. */
public interface Orders extends JpaRepository<Order, UUID> {

    List<Order> findByTableSessionIdOrderByPlacedAt(UUID tableSessionId);

    List<Order> findByTableSessionIdAndStateNotIn(UUID tableSessionId, Collection<OrderState> states);
}
