package io.camelexo.exchangeonline;

import io.camelexo.exchangeonline.adminapi.CallObserver;
import io.camelexo.exchangeonline.feed.MessageTraceReader;
import io.camelexo.exchangeonline.feed.RequestQuota;
import io.camelexo.exchangeonline.metrics.MicrometerMetrics;
import io.camelexo.exchangeonline.session.ExoSessionManager;
import java.time.Clock;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import org.apache.camel.Endpoint;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.util.StringHelper;
import org.apache.camel.util.URISupport;

/**
 * Runs Exchange Online ({@code exo:}) and Security & Compliance ({@code scc:}) cmdlets. Camel creates one instance per
 * scheme; each keeps the sessions of its endpoints.
 */
@Component("exo,scc")
public class ExoComponent extends HealthCheckComponent {

    /** Micrometer is an optional dependency: its types are only touched when it is on the classpath. */
    private static final boolean MICROMETER_PRESENT = isPresent("io.micrometer.core.instrument.MeterRegistry");

    @Metadata(description = "Default options for every endpoint of this component")
    private ExoConfiguration configuration = new ExoConfiguration();

    private final ExoSessionManager sessions;
    private final Map<SSLContextParameters, SSLContext> sslContexts = new IdentityHashMap<>();
    private ExecutorService pageFetcher;
    private CallObserver.Factory callObservers;
    /** Get-MessageTraceV2's query quota is the tenant's: one per organization, shared by its feeds in this JVM. */
    private final Map<String, RequestQuota> messageTraceQuotas = new ConcurrentHashMap<>();

    private Function<String, RequestQuota> messageTraceQuotaFactory =
            organization -> new RequestQuota(MessageTraceReader.QUOTA, MessageTraceReader.QUOTA_WINDOW);

    public ExoComponent() {
        this(Clock.systemUTC());
    }

    /** A component whose sessions' token caches go by the given clock (tests). */
    ExoComponent(Clock clock) {
        this.sessions = new ExoSessionManager(clock);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        String scheme = StringHelper.before(uri, ":");
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("A cmdlet is required: " + scheme + ":Get-Mailbox");
        }
        // PascalCase names are cmdlet parameters; every Camel option starts in lower case
        Map<String, Object> cmdletParameters = new LinkedHashMap<>();
        parameters.entrySet().removeIf(entry -> {
            boolean cmdletParameter = Character.isUpperCase(entry.getKey().charAt(0));
            if (cmdletParameter) {
                cmdletParameters.put(entry.getKey(), entry.getValue());
            }
            return cmdletParameter;
        });
        applyConnection(scheme, remaining, parameters);
        ExoEndpoint endpoint =
                new ExoEndpoint(URISupport.sanitizeUri(uri), this, scheme, remaining, configuration.copy());
        try {
            setProperties(endpoint, parameters);
        } catch (PropertyBindingException e) {
            throw new IllegalArgumentException(describeBindingFailure(scheme, remaining, e), e);
        }
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException(
                    "Unknown option(s) " + parameters.keySet() + " on " + scheme + ":" + remaining
                            + ". Cmdlet parameters are PascalCase (ResultSize=Unlimited) or written parameters.<Name>=value; "
                            + "options are the camelCase names of the component documentation.");
        }
        endpoint.getConfiguration().getParameters().putAll(cmdletParameters);
        endpoint.configure();
        return endpoint;
    }

    /** Adds the options of the named connection (URI option, else the component's) that the URI does not set itself. */
    private void applyConnection(String scheme, String cmdlet, Map<String, Object> parameters) {
        Object name = parameters.getOrDefault("connection", configuration.getConnection());
        if (name == null || name.toString().isBlank()) {
            return;
        }
        ExoConnection connection =
                getCamelContext().getRegistry().lookupByNameAndType(name.toString(), ExoConnection.class);
        if (connection == null) {
            throw new IllegalArgumentException("No connection named " + name + " for " + scheme + ":" + cmdlet
                    + ": define camel.exchangeonline.connections." + name
                    + ".* (Spring Boot) or bind an ExoConnection named "
                    + name + " in the registry");
        }
        connection.options().forEach(parameters::putIfAbsent);
    }

    private static String describeBindingFailure(String scheme, String cmdlet, PropertyBindingException e) {
        String option = e.getPropertyName();
        String value = ExoEndpoint.SECRET_OPTIONS.contains(option) ? "(hidden)" : String.valueOf(e.getValue());
        Class<?> enumType = switch (String.valueOf(option)) {
            case "environment" -> io.camelexo.exchangeonline.adminapi.ExoEnvironment.class;
            case "auth" -> io.camelexo.exchangeonline.auth.ExoAuthMethod.class;
            case "outputType" -> ExoOutputType.class;
            default -> null;
        };
        if (enumType != null) {
            String allowed = Arrays.stream(enumType.getEnumConstants())
                    .map(Object::toString)
                    .collect(Collectors.joining(", "));
            return "Invalid " + option + " '" + value + "' on " + scheme + ":" + cmdlet + "; allowed values: "
                    + allowed;
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return "Invalid value '" + value + "' for option " + option + " on " + scheme + ":" + cmdlet + ": "
                + cause.getMessage();
    }

    /**
     * One SSLContext per SSLContextParameters: sessions are shared by identity, and a context built anew for every
     * endpoint would give each endpoint a session (and a sign-in) of its own.
     */
    synchronized SSLContext sslContext(SSLContextParameters parameters) throws Exception {
        SSLContext context = sslContexts.get(parameters);
        if (context == null) {
            context = parameters.createSSLContext(getCamelContext());
            sslContexts.put(parameters, context);
        }
        return context;
    }

    ExoSessionManager sessions() {
        return sessions;
    }

    /** The organization's Get-MessageTraceV2 quota, made on first use. */
    RequestQuota messageTraceQuota(String organization) {
        return messageTraceQuotas.computeIfAbsent(
                String.valueOf(organization).toLowerCase(Locale.ROOT), messageTraceQuotaFactory);
    }

    /** Makes each organization's message-trace quota (a test's follows its simulated clock). */
    void useMessageTraceQuotas(Function<String, RequestQuota> factory) {
        this.messageTraceQuotaFactory = factory;
    }

    /** The threads that request pages ahead of routes, shared by every session of this component; made on first use. */
    synchronized ExecutorService pageFetcher() {
        if (pageFetcher == null) {
            pageFetcher = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "ExoPageFetcher");
        }
        return pageFetcher;
    }

    /**
     * What records the sessions' metrics: Micrometer meters when Micrometer is on the classpath and a MeterRegistry is
     * in the registry (in Spring Boot, a bean of the application), else nothing. Looked up on first use, when the
     * registry is complete.
     */
    synchronized CallObserver.Factory callObservers() {
        if (callObservers == null) {
            callObservers =
                    MICROMETER_PRESENT ? MicrometerMetrics.observers(getCamelContext()) : CallObserver.Factory.NONE;
        }
        return callObservers;
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, ExoComponent.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // one repository serves the sessions of every exo/scc component of the context
        HealthCheckRegistry registry = HealthCheckRegistry.get(getCamelContext());
        if (registry != null
                && registry.getRepository(ExoSessionHealthCheckRepository.ID).isEmpty()) {
            registry.register(new ExoSessionHealthCheckRepository());
        }
    }

    @Override
    protected void doShutdown() throws Exception {
        sessions.closeAll();
        synchronized (this) {
            if (pageFetcher != null) {
                getCamelContext().getExecutorServiceManager().shutdownNow(pageFetcher);
                pageFetcher = null;
            }
        }
        super.doShutdown();
    }

    public ExoConfiguration getConfiguration() {
        return configuration;
    }

    /** Default options for every endpoint of this component. */
    public void setConfiguration(ExoConfiguration configuration) {
        this.configuration = configuration;
    }
}
