package io.rowflow.internal.convert;

import io.rowflow.MappingException;
import io.rowflow.annotation.EnumLabel;
import io.rowflow.convert.Converter;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Stores an enum by name, or by the {@link EnumLabel} of the constants that declare one: the
 * converter of enums stored as text. Labels are read back exactly (case matters, as in the database).
 */
final class EnumLabels {

    private EnumLabels() {
    }

    /** The converter of an enum type to its labels and back. */
    static <E extends Enum<E>> Converter<E, String> converter(Class<E> type) {
        Map<E, String> labels = new EnumMap<>(type);
        Map<String, E> constants = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            String label = labelOf(type, constant);
            E clash = constants.putIfAbsent(label, constant);
            if (clash != null) {
                throw new MappingException(type.getName() + "." + constant.name() + " and " + type.getName() + "."
                        + clash.name() + " are both stored as '" + label + "'; give them different @EnumLabels");
            }
            labels.put(constant, label);
        }
        return Converter.of(type, String.class, labels::get, label -> {
            E constant = constants.get(label);
            if (constant == null) {
                throw new IllegalArgumentException("'" + label + "' is no label of " + type.getName()
                        + " (labels: " + String.join(", ", labels.values()) + ")");
            }
            return constant;
        });
    }

    private static <E extends Enum<E>> String labelOf(Class<E> type, E constant) {
        try {
            EnumLabel label = type.getField(constant.name()).getAnnotation(EnumLabel.class);
            return label == null ? constant.name() : label.value();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }
}
