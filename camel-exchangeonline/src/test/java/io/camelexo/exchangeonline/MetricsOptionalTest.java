package io.camelexo.exchangeonline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camelexo.exchangeonline.adminapi.CallObserver;
import io.camelexo.exchangeonline.support.AdminApiWire;
import io.camelexo.exchangeonline.support.WireMockExchangeTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Metrics are optional: with Micrometer on the classpath but no MeterRegistry in the registry nothing is recorded
 * anywhere, and without Micrometer on the classpath the component loads and runs calls as before.
 */
class MetricsOptionalTest extends WireMockExchangeTest {

    private static final String MICROMETER_TYPE = "io.micrometer.core.instrument.MeterRegistry";

    @Test
    void withoutAMeterRegistryCallsWorkAndNothingIsRecorded() {
        useWireMockExchange(EXO.baseUrl(), 1);
        AdminApiWire.stubInvokePages(EXO, INVOKE, 2, 3);

        List<?> records = template.requestBody("exo:Get-Mailbox?ResultSize=Unlimited", null, List.class);

        assertThat(records).hasSize(6);
        assertThat(context.getComponent("exo", ExoComponent.class).callObservers())
                .isSameAs(CallObserver.Factory.NONE);
        // not in Micrometer's global registry either, nor in one the component would have bound itself
        assertThat(Metrics.globalRegistry.find("exo.requests").meters()).isEmpty();
        assertThat(context.getRegistry().findByType(MeterRegistry.class)).isEmpty();
    }

    @Test
    void withoutMicrometerOnTheClasspathTheComponentLoadsAndRunsCalls() throws Exception {
        AdminApiWire.stubInvokePages(EXO, INVOKE, 2, 3);
        String uri = "exo:Get-Mailbox?ResultSize=Unlimited&organization=" + TENANT + "&connectionUri=" + EXO.baseUrl()
                + "&accessToken=RAW(" + TOKEN + ")";
        URL[] withoutMicrometer = Arrays.stream(
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                                .split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer"))
                .map(MetricsOptionalTest::url)
                .toArray(URL[]::new);

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader isolated = new URLClassLoader(withoutMicrometer, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> isolated.loadClass(MICROMETER_TYPE)).isInstanceOf(ClassNotFoundException.class);
            thread.setContextClassLoader(isolated);
            Class<?> contextType = isolated.loadClass("org.apache.camel.impl.DefaultCamelContext");
            try (AutoCloseable camel =
                    (AutoCloseable) contextType.getConstructor().newInstance()) {
                contextType.getMethod("start").invoke(camel);
                Object producer =
                        contextType.getMethod("createProducerTemplate").invoke(camel);
                Object records = producer.getClass()
                        .getMethod("requestBody", String.class, Object.class)
                        .invoke(producer, uri, null);

                assertThat((List<?>) records).hasSize(6);
                assertThat(isolated.loadClass(ExoComponent.class.getName()).getClassLoader())
                        .isSameAs(isolated);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL url(String classpathEntry) {
        try {
            return new File(classpathEntry).toURI().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(classpathEntry, e);
        }
    }
}
