package io.camelexo.exchangeonline.springboot.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Java source of one Spring Boot properties class: a field per option, with the option's description as Javadoc
 * (spring-boot-configuration-processor turns it into the property's description and the field's initializer into its
 * default), and a getter and setter per field.
 */
final class PropertiesClassSource {

    private static final int LINE_WIDTH = 120;

    private final String packageName;
    private final String className;
    private final String superclass;
    private final String classDocumentation;
    private final List<String> classAnnotations = new ArrayList<>();
    /** Imports by simple name: two types of one simple name would need qualified names, which no option needs yet. */
    private final Map<String, String> imports = new HashMap<>();

    private final List<Field> fields = new ArrayList<>();

    private record Field(String type, String name, String initializer, String documentation, boolean deprecated) {}

    PropertiesClassSource(String packageName, String className, String superclass, String classDocumentation) {
        this.packageName = packageName;
        this.className = className;
        this.superclass = superclass;
        this.classDocumentation = classDocumentation;
    }

    PropertiesClassSource annotate(String annotationType, String annotationArguments) {
        addImport(annotationType);
        classAnnotations.add("@" + ComponentOption.simpleName(annotationType) + "(" + annotationArguments + ")");
        return this;
    }

    PropertiesClassSource add(ComponentOption option) {
        option.imports().forEach(this::addImport);
        fields.add(new Field(
                option.propertyType(),
                option.name(),
                option.initializer(),
                option.documentation(),
                option.deprecated()));
        return this;
    }

    PropertiesClassSource add(String type, String name, String initializer, String documentation) {
        fields.add(new Field(type, name, initializer, documentation, false));
        return this;
    }

    private void addImport(String qualifiedName) {
        String previous = imports.putIfAbsent(ComponentOption.simpleName(qualifiedName), qualifiedName);
        if (previous != null && !previous.equals(qualifiedName)) {
            throw new IllegalStateException(className + " would import both " + previous + " and " + qualifiedName);
        }
    }

    String fileName() {
        return packageName.replace('.', '/') + "/" + className + ".java";
    }

    String render() {
        StringBuilder source = new StringBuilder("package ").append(packageName).append(";\n\n");
        imports.values().stream()
                .sorted()
                .forEach(qualifiedName ->
                        source.append("import ").append(qualifiedName).append(";\n"));
        source.append(imports.isEmpty() ? "" : "\n");
        javadoc(source, "", classDocumentation);
        classAnnotations.forEach(annotation -> source.append(annotation).append('\n'));
        source.append("public class ")
                .append(className)
                .append(superclass == null ? "" : " extends " + superclass)
                .append(" {\n");
        for (Field field : fields) {
            source.append('\n');
            javadoc(source, "    ", field.documentation());
            source.append("    private ")
                    .append(field.type())
                    .append(' ')
                    .append(field.name())
                    .append(field.initializer() == null ? "" : " = " + field.initializer())
                    .append(";\n");
        }
        for (Field field : fields) {
            String accessor =
                    Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1);
            String deprecated = field.deprecated() ? "    @Deprecated\n" : "";
            source.append('\n')
                    .append(deprecated)
                    .append("    public ")
                    .append(field.type())
                    .append(" get")
                    .append(accessor)
                    .append("() {\n")
                    .append("        return ")
                    .append(field.name())
                    .append(";\n    }\n\n")
                    .append(deprecated)
                    .append("    public void set")
                    .append(accessor)
                    .append('(')
                    .append(field.type())
                    .append(' ')
                    .append(field.name())
                    .append(") {\n        this.")
                    .append(field.name())
                    .append(" = ")
                    .append(field.name())
                    .append(";\n    }\n");
        }
        return source.append("}\n").toString();
    }

    /** Wrapped at the line width; text that would end the comment, start a Javadoc tag or a Unicode escape is escaped. */
    private static void javadoc(StringBuilder source, String indent, String text) {
        String escaped = text.replace("*/", "*&#47;")
                .replace("\\u", "&#92;u")
                .replace("{@", "{&#64;")
                .replaceAll("(^|\\s)@", "$1&#64;");
        source.append(indent).append("/**\n");
        for (String paragraph : escaped.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (!line.isEmpty() && indent.length() + 3 + line.length() + 1 + word.length() > LINE_WIDTH) {
                    source.append(indent).append(" * ").append(line).append('\n');
                    line.setLength(0);
                }
                line.append(line.isEmpty() ? "" : " ").append(word);
            }
            source.append(indent)
                    .append(" *")
                    .append(line.isEmpty() ? "" : " " + line)
                    .append('\n');
        }
        source.append(indent).append(" */\n");
    }
}
