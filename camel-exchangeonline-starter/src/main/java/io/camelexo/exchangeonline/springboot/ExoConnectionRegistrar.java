package io.camelexo.exchangeonline.springboot;

import io.camelexo.exchangeonline.ExoConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.Environment;

/**
 * Registers one {@link ExoConnection} bean per {@code camel.exchangeonline.connections.NAME}, named NAME, which
 * {@code connection=NAME} finds in Camel's registry. Binds at start-up, so a bad value fails the application naming
 * the property. A bean of the same name defined elsewhere makes the start fail rather than one silently winning.
 */
final class ExoConnectionRegistrar implements BeanDefinitionRegistryPostProcessor {

    /** camel.exchangeonline + connections.NAME.option */
    private static final int OPTION_LEVELS_BELOW_PREFIX = 3;

    private final Environment environment;

    ExoConnectionRegistrar(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        WrittenOptions.bind(
                        environment,
                        ExoConnectionsProperties.class,
                        ExoConnectionOptions.class,
                        OPTION_LEVELS_BELOW_PREFIX)
                .forEach((name, options) -> {
                    ExoConnection connection = new ExoConnection(asEndpointOptions(options));
                    registry.registerBeanDefinition(
                            name, new RootBeanDefinition(ExoConnection.class, () -> connection));
                });
    }

    /** Cmdlet parameters as the URI writes them (parameters.Identity), so that no endpoint shares the bound map. */
    private static Map<String, Object> asEndpointOptions(Map<String, Object> options) {
        Map<String, Object> endpointOptions = new LinkedHashMap<>(options);
        if (endpointOptions.remove("parameters") instanceof Map<?, ?> parameters) {
            parameters.forEach((parameter, value) -> endpointOptions.put("parameters." + parameter, value));
        }
        return endpointOptions;
    }
}
