package io.urop.order.kitchen;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** The kitchen tickets of the tenant bound to the transaction, each read with its items in one query. */
interface KitchenTickets extends JpaRepository<KitchenTicket, UUID> {

    @EntityGraph(attributePaths = "items")
    List<KitchenTicket> findByLocationIdAndStationAndStateOrderByFiredAtAscIdAsc(UUID locationId, String station,
            TicketState state);

    @EntityGraph(attributePaths = "items")
    List<KitchenTicket> findByLocationIdAndStateOrderByCreatedAtAscIdAsc(UUID locationId, TicketState state);

    @EntityGraph(attributePaths = "items")
    List<KitchenTicket> findByLocationIdAndStationAndStateAndBumpedAtAfterOrderByBumpedAtDesc(UUID locationId,
            String station, TicketState state, Instant since);

    @EntityGraph(attributePaths = "items")
    List<KitchenTicket> findByLocationIdAndPickedUpFalseAndStateInOrderByCreatedAtAscIdAsc(UUID locationId,
            Collection<TicketState> states);

    @EntityGraph(attributePaths = "items")
    List<KitchenTicket> findByOrderIdOrderByCreatedAtAscIdAsc(UUID orderId);

    List<KitchenTicket> findByTableSessionIdAndStateAndHeldFor(UUID tableSessionId, TicketState state, HeldFor heldFor);

    List<KitchenTicket> findByTableSessionIdAndPickedUpFalse(UUID tableSessionId);
}
