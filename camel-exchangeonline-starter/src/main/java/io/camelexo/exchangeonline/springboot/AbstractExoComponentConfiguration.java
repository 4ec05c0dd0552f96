package io.camelexo.exchangeonline.springboot;

/**
 * The options of the exo and scc components as Spring Boot properties: every endpoint option (the defaults of every
 * endpoint of the component) plus the component's own.
 */
public abstract class AbstractExoComponentConfiguration extends ExoConnectionOptions {

    /** Whether to enable auto configuration of this component. This is enabled by default. */
    private Boolean enabled = true;
    /**
     * Name of a connection defined once, as Spring Boot properties under camel.exchangeonline.connections.NAME or as a
     * registry bean of type ExoConnection: its options apply over the component's, and the endpoint URI's options over both.
     */
    private String connection;
    /** Default options for every endpoint of this component. Give a bean reference: #beanName. */
    private String configuration;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this to allow
     * CamelContext and routes to startup in situations where a producer may otherwise fail during starting and cause the
     * route to fail being started. By deferring this startup to be lazy then the startup failure can be handled during
     * routing messages via Camel's routing error handlers. Beware that when the first message is processed then creating and
     * starting the producer may take a little time and prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked as autowired)
     * by looking up in the registry to find if there is a single instance of matching type, which then gets configured on
     * the component. This can be used for automatic configuring JDBC data sources, JMS connection factories, AWS Clients,
     * etc.
     */
    private Boolean autowiredEnabled = true;
    /** Used for enabling or disabling all consumer based health checks from this component */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has by default
     * disabled all producer based health-checks. You can turn on producer checks globally by setting
     * camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getConnection() {
        return connection;
    }

    public void setConnection(String connection) {
        this.connection = connection;
    }

    public String getConfiguration() {
        return configuration;
    }

    public void setConfiguration(String configuration) {
        this.configuration = configuration;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }
}
