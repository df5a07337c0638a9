package io.urop.audit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

@AutoConfiguration(after = JdbcClientAutoConfiguration.class)
public class AuditAutoConfiguration {

    @Bean
    AuditLog auditLog(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        return new AuditLog(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }
}
