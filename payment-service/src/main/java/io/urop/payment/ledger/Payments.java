package io.urop.payment.ledger;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The payments of the tenant bound to the transaction. */
public interface Payments extends JpaRepository<Payment, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.orderId = :orderId")
    Optional<Payment> lockedByOrder(@Param("orderId") UUID orderId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> locked(@Param("id") UUID id);

    Optional<Payment> findByOrderId(UUID orderId);

    Page<Payment> findByLocationId(UUID locationId, Pageable page);

    Optional<Payment> findByTableSessionIdAndShareKey(UUID tableSessionId, String shareKey);

    /** The shares of a table session's bill paid by items, whatever became of them. */
    @Query(nativeQuery = true, value = "select * from payments where table_session_id = :session"
            + " and purpose = 'SHARE' and cardinality(share_line_ids) > 0")
    List<Payment> sharesByItems(@Param("session") UUID tableSessionId);
}
