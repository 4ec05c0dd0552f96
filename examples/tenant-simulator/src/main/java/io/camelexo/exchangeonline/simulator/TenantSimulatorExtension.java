package io.camelexo.exchangeonline.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link TenantSimulator} for a test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static TenantSimulatorExtension sim = new TenantSimulatorExtension(TenantSimulator.builder().mailboxes(200));
 *
 * @Test void reads(TenantSimulator simulator) { ... simulator.exchangeUrl() ... }
 * }</pre>
 *
 * In a static field the simulator lives for the class; in an instance field, for each test. Before every test the
 * fault knobs and the traffic figures are reset and the journal cleared; tenant state (writes) stays for the class.
 */
public final class TenantSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final TenantSimulator.Builder builder;
    private TenantSimulator simulator;
    private boolean startedForOneTest;

    public TenantSimulatorExtension() {
        this(TenantSimulator.builder());
    }

    public TenantSimulatorExtension(TenantSimulator.Builder builder) {
        this.builder = builder;
    }

    /** The running simulator. */
    public TenantSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator starts before the first test; it is not running yet");
        }
        return simulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator = builder.build().start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (simulator == null) {
            simulator = builder.build().start();
            startedForOneTest = true;
        }
        simulator.faults().reset();
        simulator.traffic().reset();
        simulator.journal().clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForOneTest) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    private void stop() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
        startedForOneTest = false;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TenantSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return simulator();
    }
}
