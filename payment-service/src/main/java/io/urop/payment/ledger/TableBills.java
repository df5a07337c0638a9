package io.urop.payment.ledger;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The table bills of the tenant bound to the transaction. */
public interface TableBills extends JpaRepository<TableBill, UUID> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from TableBill b where b.tableSessionId = :session")
    Optional<TableBill> locked(@Param("session") UUID tableSessionId);
}
