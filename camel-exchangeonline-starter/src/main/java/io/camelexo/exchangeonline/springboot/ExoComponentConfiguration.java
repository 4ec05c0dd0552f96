package io.camelexo.exchangeonline.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Exchange Online component ({@code exo:}) options. */
@ConfigurationProperties(prefix = "camel.component.exo")
public class ExoComponentConfiguration extends AbstractExoComponentConfiguration {
}
