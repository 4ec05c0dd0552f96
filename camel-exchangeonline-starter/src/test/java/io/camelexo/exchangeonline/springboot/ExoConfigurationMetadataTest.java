package io.camelexo.exchangeonline.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.PropertyDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.convert.DurationStyle;

/**
 * The starter's Spring configuration metadata against the component's catalog (exo.json): the properties classes are
 * generated from that catalog, so an option the generation leaves out, mistypes or documents differently fails here.
 */
class ExoConfigurationMetadataTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The component's options by name, from the catalog in the component jar. */
    static Map<String, JsonNode> componentOptions() throws IOException {
        try (InputStream in = ExoConfigurationMetadataTest.class.getResourceAsStream(
                "/META-INF/io/camelexo/exchangeonline/exo.json")) {
            Map<String, JsonNode> options = new LinkedHashMap<>();
            JSON.readTree(in)
                    .get("componentProperties")
                    .properties()
                    .forEach(entry -> options.put(entry.getKey(), entry.getValue()));
            return options;
        }
    }

    /** The starter's metadata properties by name (other jars on the class path have their own metadata files). */
    static Map<String, JsonNode> starterMetadata() throws IOException {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (URL url : Collections.list(ExoConfigurationMetadataTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                for (JsonNode property : JSON.readTree(in).get("properties")) {
                    if (property.path("sourceType").asText().startsWith(ExoAutoConfiguration.class.getPackageName())) {
                        properties.put(property.get("name").asText(), property);
                    }
                }
            }
        }
        return properties;
    }

    /** camelCase option name as Spring Boot lists it (azureADAuthorizationEndpointUri: azure-a-d-authorization-endpoint-uri). */
    static String dashed(String option) {
        return option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    /** Letters and digits only, lower case: the catalog drops some characters (@, *, tags) from descriptions. */
    static String lettersOf(String description) {
        return description.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"exo", "scc"})
    void everyComponentOptionIsAPropertyWithTheComponentsDescriptionAndDefault(String scheme) throws IOException {
        Map<String, JsonNode> metadata = starterMetadata();
        Map<String, JsonNode> options = componentOptions();
        String prefix = "camel.component." + scheme + ".";
        Set<String> expected = options.keySet().stream()
                .map(option -> prefix + dashed(option))
                .collect(Collectors.toCollection(TreeSet::new));
        expected.add(prefix + "enabled");
        Set<String> listed = metadata.keySet().stream()
                .filter(name -> name.startsWith(prefix))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(expected);

        options.forEach((option, catalog) -> {
            JsonNode property = metadata.get(prefix + dashed(option));
            String description = property.path("description").asText();
            String catalogDescription = lettersOf(catalog.get("description").asText());
            assertThat(lettersOf(description))
                    .as(option)
                    .startsWith(catalogDescription.substring(0, Math.min(40, catalogDescription.length())));
            if (catalog.has("defaultValue")) {
                // Spring Boot writes enum defaults in lower case (o365default); enum binding ignores case
                assertThat(defaultOf(property))
                        .as(option + " default")
                        .isEqualToIgnoringCase(catalog.get("defaultValue").asText());
            }
            if ("enum".equals(catalog.get("type").asText())) {
                assertThat(property.get("type").asText())
                        .as(option + " type")
                        .isEqualTo(catalog.get("javaType").asText());
            }
        });
    }

    /** A metadata default in the catalog's notation (durations in milliseconds). */
    private static String defaultOf(JsonNode property) {
        String value = property.path("defaultValue").asText(null);
        return value != null && "java.time.Duration".equals(property.get("type").asText())
                ? String.valueOf(DurationStyle.detectAndParse(value).toMillis())
                : value;
    }

    /**
     * The catalog plugin drops @, * and anything in angle brackets from descriptions, so anna@contoso.com, *.onmicrosoft.com
     * or &lt;RSAKeyValue&gt; reach users as annacontoso.com, .onmicrosoft.com and "as XML ." What that leaves behind: a
     * space before a lone stop or comma, a stop right after a space and before a lower-case word, doubled spaces; the
     * example address is checked by its words.
     */
    @ParameterizedTest
    @ValueSource(strings = {"exo", "scc"})
    void noCatalogDescriptionLostCharacters(String scheme) throws IOException {
        Pattern leftOver = Pattern.compile("\\s[.,;:](\\s|$)|\\s\\.[a-z]|\\s{2}");
        Map<String, String> mangled = new LinkedHashMap<>();
        try (InputStream in =
                getClass().getResourceAsStream("/META-INF/io/camelexo/exchangeonline/" + scheme + ".json")) {
            JsonNode catalog = JSON.readTree(in);
            for (String section : new String[] {"componentProperties", "properties", "headers"}) {
                catalog.path(section).properties().forEach(entry -> {
                    String description = entry.getValue().path("description").asText();
                    if (leftOver.matcher(description).find()) {
                        mangled.put(section + "." + entry.getKey(), description);
                    }
                });
            }
        }
        assertThat(mangled).as("write descriptions without @, * and <...>").isEmpty();
        assertThat(componentOptions().get("parameters").get("description").asText())
                .contains("parameters.Identity=anna.jones.");
    }

    @Test
    void aConnectionTakesEveryEndpointOptionButConnection() throws IOException {
        Set<String> endpointOptions = componentOptions().entrySet().stream()
                .filter(entry -> "configuration"
                        .equals(entry.getValue().path("configurationField").asText()))
                .map(Map.Entry::getKey)
                .filter(option -> !option.equals("connection"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> connectionOptions = java.util.Arrays.stream(
                        BeanUtils.getPropertyDescriptors(ExoConnectionOptions.class))
                .filter(property -> property.getWriteMethod() != null)
                .map(PropertyDescriptor::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(connectionOptions).isEqualTo(endpointOptions);
        assertThat(starterMetadata()
                        .get("camel.exchangeonline.connections")
                        .get("type")
                        .asText())
                .isEqualTo(
                        "java.util.Map<java.lang.String,io.camelexo.exchangeonline.springboot.ExoConnectionOptions>");
    }
}
