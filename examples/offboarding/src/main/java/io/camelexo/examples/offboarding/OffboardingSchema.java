package io.camelexo.examples.offboarding;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.ApplicationDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Creates what offboarding-schema.sql declares and the database lacks, at every start (every statement is IF NOT
 * EXISTS). Instances started together against a new shared database run it at the same moment, and their DDL can
 * collide on the database's own locks (H2 answers "Timeout trying to lock table SYS"): a failed run is tried again
 * after a random pause, up to {@value #ATTEMPTS} times, instead of failing the start. Replaces Spring Boot's
 * spring.sql.init, which tries once.
 */
@Component
public class OffboardingSchema extends ApplicationDataSourceScriptDatabaseInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(OffboardingRoutes.LOG);
    private static final int ATTEMPTS = 6;

    public OffboardingSchema(DataSource dataSource) {
        super(dataSource, settings());
    }

    private static DatabaseInitializationSettings settings() {
        DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
        settings.setSchemaLocations(List.of("classpath:offboarding-schema.sql"));
        settings.setMode(DatabaseInitializationMode.ALWAYS);
        return settings;
    }

    @Override
    protected void runScripts(Scripts scripts) {
        for (int attempt = 1; ; attempt++) {
            try {
                super.runScripts(scripts);
                return;
            } catch (DataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                long pause = ThreadLocalRandom.current().nextLong(500, 2000);
                LOG.warn(
                        "Creating the schema failed (attempt {} of {}, another instance may be creating it): {}. "
                                + "Trying again in {} ms.",
                        attempt,
                        ATTEMPTS,
                        e.getMostSpecificCause().getMessage(),
                        pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
