package io.urop.tenancy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.persistence.EntityManagerFactory;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;

/**
 * A JPA transaction manager that binds {@code app.tenant_id} on the transaction's connection as
 * soon as the transaction begins, so every statement in it, through JPA or JDBC, is filtered by the
 * row-level security policies. The setting is transaction-local ({@code set_config(..., true)}): it
 * can never leak to the next borrower of a pooled connection. With no tenant in
 * {@link TenantContext} the setting is empty, and the policies then match no row.
 */
public class TenantBindingJpaTransactionManager extends JpaTransactionManager {

    static final String BIND_SQL = "select set_config('app.tenant_id', ?, true)";

    public TenantBindingJpaTransactionManager(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        String tenant = TenantContext.current().map(Object::toString).orElse("");
        Connection connection = DataSourceUtils.getConnection(getDataSource());
        try (PreparedStatement bind = connection.prepareStatement(BIND_SQL)) {
            bind.setString(1, tenant);
            bind.execute();
        }
        catch (SQLException e) {
            throw new CannotCreateTransactionException("Could not bind the tenant to the transaction", e);
        }
    }
}
