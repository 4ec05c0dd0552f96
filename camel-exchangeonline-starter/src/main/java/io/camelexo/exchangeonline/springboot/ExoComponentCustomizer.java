package io.camelexo.exchangeonline.springboot;

import io.camelexo.exchangeonline.ExoComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.core.env.Environment;

/**
 * Applies the options written under {@code camel.component.<scheme>} to the component registered under that scheme
 * (Camel creates one {@link ExoComponent} per scheme, so exo and scc are configured independently). The options are
 * bound when the customizer is created, at start-up, so a bad value fails the application naming the property.
 */
final class ExoComponentCustomizer implements ComponentCustomizer {

    private final String scheme;
    private final Environment environment;
    private final Map<String, Object> options = new LinkedHashMap<>();

    ExoComponentCustomizer(
            String scheme, Class<? extends ExoConnectionOptions> propertiesClass, Environment environment) {
        this.scheme = scheme;
        this.environment = environment;
        Map<String, Object> written =
                new LinkedHashMap<>(WrittenOptions.bind(environment, propertiesClass, propertiesClass, 1)
                        .getOrDefault(scheme, Map.of()));
        // switches the auto-configuration itself, no component option
        written.remove("enabled");
        // a configuration bean replaces every endpoint option at once: set it before the options written next to it
        if (written.containsKey("configuration")) {
            options.put("configuration", written.remove("configuration"));
        }
        options.putAll(written);
    }

    @Override
    public void configure(String name, Component target) {
        CamelPropertiesHelper.setCamelProperties(target.getCamelContext(), target, new LinkedHashMap<>(options), true);
    }

    @Override
    public boolean isEnabled(String name, Component target) {
        return scheme.equals(name)
                && target instanceof ExoComponent
                && HierarchicalPropertiesEvaluator.evaluate(
                        environment, "camel.component.customizer", "camel.component." + scheme + ".customizer");
    }
}
