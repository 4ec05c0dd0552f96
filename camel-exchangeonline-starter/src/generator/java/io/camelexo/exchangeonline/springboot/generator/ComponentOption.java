package io.camelexo.exchangeonline.springboot.generator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.camel.util.TimeUtils;

/**
 * One option of a component descriptor (an entry of {@code componentProperties}) and the Spring Boot property it
 * becomes: its Java type, its default as Java code and its documentation, all taken from the descriptor.
 */
record ComponentOption(
        String name,
        String description,
        String type,
        String javaType,
        List<String> enums,
        JsonNode defaultValue,
        boolean secret,
        boolean deprecated,
        boolean multiValue,
        boolean endpointOption) {

    static ComponentOption of(String name, JsonNode json) {
        List<String> enums = new ArrayList<>();
        json.path("enum").forEach(value -> enums.add(value.asText()));
        return new ComponentOption(
                name,
                json.path("description").asText(""),
                json.path("type").asText(),
                json.path("javaType").asText(),
                enums,
                json.get("defaultValue"),
                json.path("secret").asBoolean(),
                json.path("deprecated").asBoolean(),
                json.path("multiValue").asBoolean(),
                // options of the endpoint's configuration class; the others belong to the component alone
                json.hasNonNull("configurationField"));
    }

    /** The Java type of the property; its simple name is used in the source, {@link #imports()} brings it in. */
    String propertyType() {
        return switch (type) {
            case "boolean" -> "Boolean";
            case "integer" -> isLong() ? "Long" : "Integer";
            case "duration" -> "Duration";
            case "enum" -> isEnumClass() ? simpleName(javaType) : "String";
            case "string" -> javaType.startsWith("java.lang.Class") ? "Class<?>" : "String";
            // a bean option is written as a reference (#beanName), which Camel resolves when it sets the option
            case "object" -> multiValue ? "Map<String, String>" : "String";
            default ->
                throw new IllegalStateException("Option " + name + " has the descriptor type " + type + " (" + javaType
                        + "), which StarterOptionsGenerator has no Spring Boot property type for: add it there");
        };
    }

    Set<String> imports() {
        return switch (propertyType()) {
            case "Duration" -> Set.of(Duration.class.getName());
            case "Map<String, String>" -> Set.of("java.util.Map");
            default -> isEnumClass() ? Set.of(javaType.replace('$', '.')) : Set.of();
        };
    }

    /**
     * The descriptor's default as a Java expression, or null. A secret never gets one: IDEs show defaults, and a
     * secret belongs in the environment.
     */
    String initializer() {
        if (secret
                || defaultValue == null
                || defaultValue.isNull()
                || defaultValue.asText().isEmpty()) {
            return null;
        }
        String value = defaultValue.asText();
        return switch (propertyType()) {
            case "Boolean" -> String.valueOf(parseBoolean(value));
            case "Integer" -> String.valueOf(Integer.parseInt(value));
            case "Long" -> Long.parseLong(value) + "L";
            case "Duration" -> durationOf(TimeUtils.toMilliSeconds(value));
            case "String" -> stringLiteral(value);
            case "Class<?>", "Map<String, String>" -> null;
            default -> enumConstant(value);
        };
    }

    /** The descriptor's description, and for a bean option how to give one. */
    String documentation() {
        String documentation = description.isBlank() ? name : description.strip();
        if ("object".equals(type) && !multiValue) {
            documentation += (documentation.endsWith(".") ? "" : ".") + " The option is a " + javaType
                    + " bean: give a reference, #beanName.";
        }
        return documentation;
    }

    private boolean isLong() {
        return "long".equals(javaType) || "java.lang.Long".equals(javaType);
    }

    private boolean isEnumClass() {
        return "enum".equals(type) && !"java.lang.String".equals(javaType);
    }

    private String enumConstant(String value) {
        if (!enums.contains(value)) {
            throw new IllegalStateException(
                    "Option " + name + " has the default " + value + ", which is none of " + enums);
        }
        return simpleName(javaType) + "." + value;
    }

    private boolean parseBoolean(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalStateException("Option " + name + " has the default " + value + ", which is no boolean");
        }
        return Boolean.parseBoolean(value);
    }

    /** In the largest whole unit, so that IDEs show 16m rather than 960000ms. */
    private static String durationOf(long millis) {
        record Unit(String factory, long millis) {}
        for (Unit unit : List.of(
                new Unit("ofDays", 86_400_000),
                new Unit("ofHours", 3_600_000),
                new Unit("ofMinutes", 60_000),
                new Unit("ofSeconds", 1_000))) {
            if (millis != 0 && millis % unit.millis() == 0) {
                return "Duration." + unit.factory() + "(" + millis / unit.millis() + ")";
            }
        }
        return "Duration.ofMillis(" + millis + ")";
    }

    private static String stringLiteral(String value) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> literal.append("\\\"");
                case '\\' -> literal.append("\\\\");
                case '\n' -> literal.append("\\n");
                case '\r' -> literal.append("\\r");
                case '\t' -> literal.append("\\t");
                default -> literal.append(c < ' ' ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return literal.append('"').toString();
    }

    static String simpleName(String javaType) {
        return javaType.substring(Math.max(javaType.lastIndexOf('.'), javaType.lastIndexOf('$')) + 1);
    }
}
