package io.camelexo.exchangeonline.springboot;

import java.beans.PropertyDescriptor;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

/**
 * Binds a {@link ConfigurationProperties} class and records which options the configuration actually wrote, with their
 * converted values: defaults of the properties class are for IDEs and never override the component, a connection or
 * a configuration bean. A bad value fails here, with Spring Boot's message naming the property.
 */
final class WrittenOptions extends AbstractBindHandler {

    private final int optionNameElements;
    private final Map<String, String> javaNames = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> byOwner = new LinkedHashMap<>();

    private WrittenOptions(int optionNameElements, Class<?> optionsClass) {
        this.optionNameElements = optionNameElements;
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(optionsClass)) {
            javaNames.put(property.getName().toLowerCase(Locale.ROOT), property.getName());
        }
    }

    /**
     * Binds propertiesClass at its prefix and returns the options of optionsClass written levelsBelowPrefix below it,
     * by owner (the name element just above the option: the scheme, or a connection's name), keyed by Java property name.
     */
    static Map<String, Map<String, Object>> bind(
            Environment environment, Class<?> propertiesClass, Class<?> optionsClass, int levelsBelowPrefix) {
        ConfigurationPropertyName prefix = ConfigurationPropertyName.of(
                propertiesClass.getAnnotation(ConfigurationProperties.class).prefix());
        WrittenOptions recorder = new WrittenOptions(prefix.getNumberOfElements() + levelsBelowPrefix, optionsClass);
        Binder.get(environment).bind(prefix, Bindable.of(propertiesClass), recorder);
        return recorder.byOwner;
    }

    @Override
    public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result) {
        String javaName = javaNames.get(name.getLastElement(ConfigurationPropertyName.Form.UNIFORM));
        if (name.getNumberOfElements() == optionNameElements && javaName != null) {
            String owner = name.getParent().getLastElement(ConfigurationPropertyName.Form.ORIGINAL);
            byOwner.computeIfAbsent(owner, key -> new LinkedHashMap<>()).put(javaName, result);
        }
        return super.onSuccess(name, target, context, result);
    }
}
