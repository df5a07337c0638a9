package io.urop.order.tab;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The orders on the tabs of the tenant bound to the transaction; read and changed under their tab's lock. */
interface TabOrders extends JpaRepository<TabOrder, UUID> {

    List<TabOrder> findByTabIdOrderByPlacedAtAscOrderIdAsc(UUID tabId);
}
