package io.camelexo.exchangeonline.adminapi;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cleaning of service records: OData annotations ({@code X@odata.type}, {@code X@data.type}, {@code @odata.id}) removed. */
final class Records {

    static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() {};

    private Records() {}

    static boolean isAnnotation(String propertyName) {
        return propertyName.indexOf('@') >= 0;
    }

    static Map<String, Object> clean(Map<String, Object> record) {
        // one pass, writing only nested values: this runs for every record of every listing
        for (Iterator<Map.Entry<String, Object>> it = record.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> property = it.next();
            if (isAnnotation(property.getKey())) {
                it.remove();
            } else if (property.getValue() instanceof Map<?, ?> || property.getValue() instanceof List<?>) {
                property.setValue(cleanValue(property.getValue()));
            }
        }
        return record;
    }

    @SuppressWarnings("unchecked")
    static Object cleanValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return clean((Map<String, Object>) map);
        } else if (value instanceof List<?> list) {
            List<Object> cleaned = new ArrayList<>(list.size());
            list.forEach(item -> cleaned.add(cleanValue(item)));
            return cleaned;
        }
        return value;
    }
}
