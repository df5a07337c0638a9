package io.urop.order.tab;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * The tabs of the tenant bound to the transaction. The diners of one table order at the same moment, and each order
 * changes their one tab: a change takes the tab locked ({@code lockedBy...}), so the later order waits for the first
 * rather than fail on the tab's version.
 */
interface Tabs extends JpaRepository<Tab, UUID> {

    /**
     * Opens the session's tab unless it has one: two first orders of a session at once make one tab, not a failed
     * order.
     */
    @Modifying(flushAutomatically = true)
    @Query(nativeQuery = true, value = """
            insert into tabs (id, tenant_id, location_id, table_session_id, table_id, currency, state, total, paid,
                balance, bill_paid, shares_refunded, order_count, opened_at, changed_at, merged_session_ids, version)
            values (:id, :tenantId, :locationId, :sessionId, :tableId, :currency, 'OPEN', 0, 0, 0, 0, 0, 0, :at, :at,
                '{}', 0)
            on conflict (table_session_id) do nothing""")
    void openIfAbsent(@Param("id") UUID id, @Param("tenantId") UUID tenantId, @Param("locationId") UUID locationId,
            @Param("sessionId") UUID sessionId, @Param("tableId") UUID tableId, @Param("currency") String currency,
            @Param("at") Instant at);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Tab t where t.tableSessionId = :sessionId")
    Optional<Tab> lockedBySession(@Param("sessionId") UUID sessionId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Tab t where t.id = (select o.tabId from TabOrder o where o.orderId = :orderId)")
    Optional<Tab> lockedByOrder(@Param("orderId") UUID orderId);

    Optional<Tab> findByTableSessionId(UUID tableSessionId);

    Page<Tab> findByLocationIdAndState(UUID locationId, TabState state, Pageable page);
}
