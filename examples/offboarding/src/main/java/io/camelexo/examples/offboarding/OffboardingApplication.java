package io.camelexo.examples.offboarding;

import io.camelexo.exchangeonline.simulator.springboot.SimulatorFallback;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Leaver offboarding: events arrive on POST /leavers and in the drop folder, wait in the database, and are carried
 * through the Exchange Online steps; GET /leavers/{upn} shows the audit trail. Without a tenant configured, the
 * built-in tenant simulator is started and used.
 */
@SpringBootApplication
@EnableConfigurationProperties(OffboardingProperties.class)
public class OffboardingApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OffboardingApplication.class);
        SimulatorFallback simulatorFallback = new SimulatorFallback();
        application.addListeners(simulatorFallback);
        application.addInitializers(simulatorFallback);
        application.run(args);
    }

    /**
     * Event ids already accepted (Camel's JDBC idempotent repository, table leaver_event_ids from
     * offboarding-schema.sql). It works in a savepoint of its caller's transaction: an id is registered together with
     * its event and released together with the dead letter, and when the same event is submitted twice at once, the
     * loser's registration fails alone and the submission is answered as a duplicate.
     */
    @Bean
    JdbcMessageIdRepository leaverEventIds(DataSource dataSource, PlatformTransactionManager transactionManager) {
        TransactionTemplate savepoint = new TransactionTemplate(transactionManager);
        savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, savepoint, "leaver-events");
        repository.setTableName("leaver_event_ids");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }
}
