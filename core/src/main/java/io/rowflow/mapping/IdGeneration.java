package io.rowflow.mapping;

import io.rowflow.annotation.GenerationType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a generated key gets its value: the neutral form of {@link io.rowflow.annotation.GeneratedValue}
 * that annotations and {@link EntityMapping#generatedId(Getter, IdGeneration)} produce.
 *
 * @param strategy how values are produced
 * @param sequence the sequence of {@link GenerationType#SEQUENCE}, otherwise {@code null}
 * @param generator the registered generator name of {@link GenerationType#GENERATOR}, otherwise {@code null}
 * @since 0.2
 */
public record IdGeneration(GenerationType strategy, @Nullable String sequence, @Nullable String generator) {

    /** Checks that a sequence or generator name is given exactly where the strategy needs it. */
    public IdGeneration {
        Objects.requireNonNull(strategy, "strategy");
        if ((strategy == GenerationType.SEQUENCE) != (sequence != null && !sequence.isEmpty())) {
            throw new IllegalArgumentException("a sequence name goes with GenerationType.SEQUENCE, and only with it: "
                    + strategy + ", sequence " + sequence);
        }
        if ((strategy == GenerationType.GENERATOR) != (generator != null && !generator.isEmpty())) {
            throw new IllegalArgumentException("a generator name goes with GenerationType.GENERATOR, and only with it: "
                    + strategy + ", generator " + generator);
        }
    }

    /** An identity column the database fills (the default). */
    public static IdGeneration identity() {
        return new IdGeneration(GenerationType.IDENTITY, null, null);
    }

    /** Values from a database sequence, optionally schema-qualified. */
    public static IdGeneration sequence(String name) {
        return new IdGeneration(GenerationType.SEQUENCE, Objects.requireNonNull(name, "name"), null);
    }

    /** Random version-4 UUIDs. */
    public static IdGeneration uuidV4() {
        return new IdGeneration(GenerationType.UUID_V4, null, null);
    }

    /** Time-ordered version-7 UUIDs. */
    public static IdGeneration uuidV7() {
        return new IdGeneration(GenerationType.UUID_V7, null, null);
    }

    /** Values from the {@link IdGenerator} registered under this name on the {@code DatabaseBuilder}. */
    public static IdGeneration generator(String name) {
        return new IdGeneration(GenerationType.GENERATOR, null, Objects.requireNonNull(name, "name"));
    }

    /** Whether the database fills the column during the insert, rather than Rowflow before it. */
    public boolean byDatabaseOnInsert() {
        return strategy == GenerationType.IDENTITY;
    }
}
