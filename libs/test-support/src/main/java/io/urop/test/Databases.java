package io.urop.test;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;

/** Looks at a service's database from outside the service, as a superuser: row-level security does not apply. */
public final class Databases {

    private static final Map<String, JdbcTemplate> SUPERUSER = new ConcurrentHashMap<>();

    private Databases() {
    }

    public static JdbcTemplate asSuperuser(String database) {
        return SUPERUSER.computeIfAbsent(database, db -> {
            TestInfrastructure.get().database(db);
            return new JdbcTemplate(TestInfrastructure.get().postgres().adminDataSource(db));
        });
    }
}
