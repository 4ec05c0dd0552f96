package io.camelexo.exchangeonline.springboot;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Security &amp; Compliance component ({@code scc:}) options. */
@ConfigurationProperties(prefix = "camel.component.scc")
public class SccComponentConfiguration extends AbstractExoComponentConfiguration {
}
