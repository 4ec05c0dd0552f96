package io.camelexo.exchangeonline.springboot;

import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;

/**
 * Exchange Online for Spring Boot: {@code camel.component.exo.*} and {@code camel.component.scc.*} configure the two
 * components, {@code camel.exchangeonline.connections.NAME.*} defines named connections. Session health checks come
 * with the component (camel.health.exposure-level=full lists each session in /actuator/health).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties(ComponentConfigurationProperties.class)
public class ExoAutoConfiguration {

    @Bean
    static ExoConnectionRegistrar exoConnectionRegistrar(Environment environment) {
        return new ExoConnectionRegistrar(environment);
    }

    @Bean
    @ConditionalOnHierarchicalProperties({"camel.component", "camel.component.exo"})
    ComponentCustomizer configureExoComponent(Environment environment) {
        return new ExoComponentCustomizer("exo", ExoComponentConfiguration.class, environment);
    }

    @Bean
    @ConditionalOnHierarchicalProperties({"camel.component", "camel.component.scc"})
    ComponentCustomizer configureSccComponent(Environment environment) {
        return new ExoComponentCustomizer("scc", SccComponentConfiguration.class, environment);
    }
}
