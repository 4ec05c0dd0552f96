package io.camelexo.examples.warehouse;

import io.camelexo.exchangeonline.simulator.springboot.SimulatorFallback;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Mailbox warehouse ETL. {@code --once} runs one pass and exits 0 when it completed (mailboxes whose statistics
 * failed are listed in etl_failures) or 1 when it failed; otherwise passes run on {@code warehouse.cron}.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(WarehouseProperties.class)
public class MailboxWarehouseApplication {

    public static void main(String[] args) throws java.io.IOException {
        // the default DuckDB warehouse lives in ./data; DuckDB creates the file, not the folder
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("data"));
        boolean once = Arrays.asList(args).contains("--once");
        SpringApplication application = new SpringApplication(MailboxWarehouseApplication.class);
        SimulatorFallback simulatorFallback = new SimulatorFallback();
        application.addListeners(simulatorFallback);
        application.addInitializers(simulatorFallback);
        if (once) {
            application.setAdditionalProfiles("once");
        }
        ConfigurableApplicationContext context = application.run(args);
        if (once) {
            int exitCode = runOnce(context.getBean(MailboxEtl.class));
            System.exit(SpringApplication.exit(context, () -> exitCode));
        }
    }

    static int runOnce(MailboxEtl etl) {
        try {
            etl.runOnce();
            return 0;
        } catch (MailboxEtl.EtlFailedException e) {
            return 1;
        }
    }
}
