package io.camelexo.examples.yamlmain;

import org.apache.camel.main.Main;

/**
 * Camel Main, no Spring: reads application.properties, loads the YAML routes under {@code routes/} and runs them until
 * it has been idle for {@code camel.main.duration-max-idle-seconds}. With no tenant configured, the routes run against
 * the built-in tenant simulator ({@link SimulatorFallback}).
 */
public final class YamlMainApplication {

    private YamlMainApplication() {}

    public static void main(String[] args) throws Exception {
        int exitCode = 1;
        try {
            exitCode = newMain().run(args);
        } finally {
            // after a failed start (logged by Camel) the thread of camel.main.duration-max-idle-seconds keeps the JVM
            // alive
            System.exit(exitCode);
        }
    }

    /** The application as {@link #main} runs it; tests start the same one. */
    static Main newMain() {
        Main main = new Main();
        main.addMainListener(new SimulatorFallback());
        return main;
    }
}
