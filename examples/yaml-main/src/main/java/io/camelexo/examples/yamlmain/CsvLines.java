package io.camelexo.examples.yamlmain;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;

/**
 * CSV text for the YAML route, one line at a time so that records stream into the file: the header, then each
 * record's values in the order of {@code columns} (RFC 4180 quoting; a missing property is an empty field).
 */
public final class CsvLines {

    private List<String> columns = List.of();

    /** Comma-separated property names, e.g. {@code DisplayName,PrimarySmtpAddress}. */
    public void setColumns(String columns) {
        this.columns = Arrays.stream(columns.split(","))
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    public String header() {
        return line(columns.toArray());
    }

    public String line(Map<String, Object> record) {
        return line(columns.stream().map(record::get).toArray());
    }

    private static String line(Object[] values) {
        return CSVFormat.DEFAULT.format(values) + CSVFormat.DEFAULT.getRecordSeparator();
    }
}
