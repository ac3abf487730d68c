package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rowflow.DataAccessException;
import io.rowflow.Database;
import io.rowflow.DatabaseBuilder;
import io.rowflow.MappingException;
import io.rowflow.convert.Converter;
import io.rowflow.convert.Json;
import io.rowflow.dialect.Feature;
import io.rowflow.fixtures.ArraySample;
import io.rowflow.fixtures.Address;
import io.rowflow.fixtures.ConversionSample;
import io.rowflow.fixtures.DocumentSample;
import io.rowflow.fixtures.Money;
import io.rowflow.fixtures.Status;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Type conversion every database must show: each supported Java type is written by
 * {@code insert} and read back by {@code findById} unchanged, including {@code NULL}, extreme
 * values, unicode text, time values with microseconds and large binaries; enums are stored by
 * name or ordinal as declared; user converters are used; converter failures arrive as
 * {@link MappingException} through {@code onError}.
 */
public abstract class ConversionContract extends DatabaseTestSupport {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** The largest integer every database's decimal column without declared precision holds. */
    private static final BigInteger THIRTY_FIVE_NINES = BigInteger.TEN.pow(35).subtract(BigInteger.ONE);

    @Override
    protected Class<?>[] tables() {
        return new Class<?>[]{ConversionSample.class};
    }

    @Override
    protected DatabaseBuilder configure(DatabaseBuilder builder) {
        return builder.converter(Money.AS_TEXT)
                .converter(DocumentSample.ADDRESS_AS_JSON)
                .converter(ConversionSample.URI_AS_TEXT)
                .converter(ConversionSample.DATE_AS_INSTANT);
    }

    @Test
    void roundTripsTypicalValuesOfEveryType() {
        ConversionSample sample = typical(1);

        ConversionSample loaded = insertAndReload(sample);

        assertSameValues(loaded, sample);
        assertThat(loaded.decimalValue).isEqualByComparingTo("-12345.6789");
        if (db.dialect().supports(Feature.DECIMAL_SCALE)) {
            assertThat(loaded.decimalValue).as("the scale is kept").isEqualTo(new BigDecimal("-12345.6789"));
        }
        assertThat(loaded.price).isEqualTo(new Money("EUR", new BigDecimal("12.34")));
        assertThat(loaded.link).isEqualTo(URI.create("https://example.org/a?b=c#d"));
    }

    @Test
    void roundTripsNullInEveryNullableColumn() {
        ConversionSample sample = ConversionSample.withId(2);

        ConversionSample loaded = insertAndReload(sample);

        assertThat(loaded.intWrapper).isNull();
        assertThat(loaded.longWrapper).isNull();
        assertThat(loaded.shortWrapper).isNull();
        assertThat(loaded.byteWrapper).isNull();
        assertThat(loaded.booleanWrapper).isNull();
        assertThat(loaded.doubleWrapper).isNull();
        assertThat(loaded.floatWrapper).isNull();
        assertThat(loaded.charWrapper).isNull();
        assertThat(loaded.textValue).isNull();
        assertThat(loaded.decimalValue).isNull();
        assertThat(loaded.bigIntegerValue).isNull();
        assertThat(loaded.uuidValue).isNull();
        assertThat(loaded.dateValue).isNull();
        assertThat(loaded.timeValue).isNull();
        assertThat(loaded.dateTimeValue).isNull();
        assertThat(loaded.offsetDateTimeValue).isNull();
        assertThat(loaded.instantValue).isNull();
        assertThat(loaded.durationValue).isNull();
        assertThat(loaded.statusByName).isNull();
        assertThat(loaded.statusByOrdinal).isNull();
        assertThat(loaded.bytesValue).isNull();
        assertThat(loaded.price).isNull();
        assertThat(loaded.link).isNull();
        assertThat(loaded.legacyDate).isNull();
        assertThat(loaded.charPrimitive).isEqualTo('x');
        assertThat(loaded.intPrimitive).isZero();
        assertThat(loaded.booleanPrimitive).isFalse();
        Long nullColumns = db.sql("select count(*) from conversion_sample where id = :id and int_wrapper is null"
                        + " and text_value is null and instant_value is null and duration_value is null"
                        + " and status_by_ordinal is null and bytes_value is null and price is null")
                .bind("id", 2L).mapTo(Long.class).fetchOne().block(TIMEOUT);
        assertThat(nullColumns).as("nulls are stored as SQL NULL, not as a converted placeholder").isEqualTo(1L);
    }

    @Test
    void roundTripsLargestValues() {
        ConversionSample sample = ConversionSample.withId(3);
        sample.intPrimitive = Integer.MAX_VALUE;
        sample.longPrimitive = Long.MAX_VALUE;
        sample.shortPrimitive = Short.MAX_VALUE;
        sample.bytePrimitive = Byte.MAX_VALUE;
        sample.booleanPrimitive = true;
        sample.doublePrimitive = Double.MAX_VALUE;
        sample.floatPrimitive = Float.MAX_VALUE;
        sample.charPrimitive = '\uFFFD';
        sample.intWrapper = Integer.MAX_VALUE;
        sample.longWrapper = Long.MAX_VALUE;
        sample.shortWrapper = Short.MAX_VALUE;
        sample.byteWrapper = Byte.MAX_VALUE;
        sample.doubleWrapper = Double.MAX_VALUE;
        sample.floatWrapper = Float.MAX_VALUE;
        sample.decimalValue = new BigDecimal("99999999999999999999999999999999.000000000000000000001");
        sample.bigIntegerValue = THIRTY_FIVE_NINES;
        sample.dateValue = LocalDate.of(9999, 12, 31);
        sample.timeValue = LocalTime.of(23, 59, 59, 999_999_000);
        sample.dateTimeValue = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000);
        sample.durationValue = Duration.ofDays(10_000).plusNanos(999_999_000);

        ConversionSample loaded = insertAndReload(sample);

        assertSameValues(loaded, sample);
        assertThat(loaded.longPrimitive).isEqualTo(Long.MAX_VALUE);
        assertThat(loaded.bigIntegerValue).isEqualTo(THIRTY_FIVE_NINES);
    }

    @Test
    void roundTripsSmallestValues() {
        ConversionSample sample = ConversionSample.withId(4);
        sample.intPrimitive = Integer.MIN_VALUE;
        sample.longPrimitive = Long.MIN_VALUE;
        sample.shortPrimitive = Short.MIN_VALUE;
        sample.bytePrimitive = Byte.MIN_VALUE;
        sample.doublePrimitive = -Double.MAX_VALUE;
        sample.floatPrimitive = -Float.MAX_VALUE;
        sample.charPrimitive = '\u0001';
        sample.intWrapper = Integer.MIN_VALUE;
        sample.longWrapper = Long.MIN_VALUE;
        sample.shortWrapper = Short.MIN_VALUE;
        sample.byteWrapper = Byte.MIN_VALUE;
        sample.booleanWrapper = false;
        sample.doubleWrapper = -Double.MAX_VALUE;
        sample.floatWrapper = -Float.MAX_VALUE;
        sample.decimalValue = BigDecimal.ZERO;
        sample.bigIntegerValue = THIRTY_FIVE_NINES.negate();
        sample.dateValue = LocalDate.of(1, 1, 1);
        sample.timeValue = LocalTime.MIDNIGHT;
        sample.dateTimeValue = LocalDateTime.of(1, 1, 1, 0, 0);
        sample.durationValue = Duration.ofSeconds(-90).minusNanos(5_000);

        ConversionSample loaded = insertAndReload(sample);

        assertSameValues(loaded, sample);
        assertThat(loaded.longWrapper).isEqualTo(Long.MIN_VALUE);
        assertThat(loaded.decimalValue).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void numbersBeyondAFixedDecimalColumnRoundTripOrFailClearly() {
        ConversionSample huge = ConversionSample.withId(23);
        huge.bigIntegerValue = BigInteger.TWO.pow(300).add(BigInteger.ONE);
        ConversionSample tiny = ConversionSample.withId(24);
        tiny.bigIntegerValue = BigInteger.TWO.pow(300).negate();

        if (db.dialect().supports(Feature.UNBOUNDED_DECIMALS)) {
            huge.decimalValue = new BigDecimal("-1.0000000000000000000000000000000000000000000000001");
            ConversionSample loaded = insertAndReload(huge);
            assertThat(loaded.bigIntegerValue).isEqualTo(BigInteger.TWO.pow(300).add(BigInteger.ONE));
            assertThat(loaded.decimalValue).isEqualTo(huge.decimalValue);
            assertThat(insertAndReload(tiny).bigIntegerValue).isEqualTo(BigInteger.TWO.pow(300).negate());
        } else {
            for (ConversionSample sample : List.of(huge, tiny)) {
                StepVerifier.create(db.insert(sample))
                        .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DataAccessException.class)
                                .extracting(e -> ((DataAccessException) e).sqlState()).isEqualTo("22003"))
                        .verify(TIMEOUT);
            }
            assertThat(db.count(ConversionSample.class).block(TIMEOUT)).as("nothing clipped and stored").isZero();
        }
    }

    @Test
    void arrayAndListColumnsRoundTripOrFailClearlyWhereTheDialectHasNone() {
        if (!db.dialect().supports(Feature.ARRAY_COLUMNS)) {
            assertThatThrownBy(() -> db.model(ArraySample.class)).isInstanceOf(MappingException.class)
                    .hasMessageContaining(ArraySample.class.getName() + ".tags")
                    .hasMessageContaining("array columns");
            return;
        }
        db.schema().dropIfExists(ArraySample.class).then(db.schema().create(ArraySample.class)).block(TIMEOUT);
        ArraySample sample = ArraySample.withId(1);
        sample.tags = List.of("classic", "{braces}, \"quotes\" and commas", "漢字 😀", "");
        sample.counts = Arrays.asList(3, null, -7);
        sample.scores = new int[]{Integer.MIN_VALUE, 0, Integer.MAX_VALUE};
        sample.flags = new boolean[]{true, false};
        sample.labels = new String[]{"a", null, "NULL"};
        sample.amounts = new BigDecimal[]{new BigDecimal("-12345.6789"), BigDecimal.ZERO};
        sample.references = new UUID[]{UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301")};
        ArraySample empty = ArraySample.withId(2);
        empty.tags = List.of();
        empty.scores = new int[0];

        db.insertAll(List.of(sample, empty, ArraySample.withId(3))).blockLast(TIMEOUT);
        ArraySample loaded = db.findById(ArraySample.class, 1L).block(TIMEOUT);
        ArraySample loadedEmpty = db.findById(ArraySample.class, 2L).block(TIMEOUT);
        ArraySample loadedNull = db.findById(ArraySample.class, 3L).block(TIMEOUT);

        assertThat(loaded).usingRecursiveComparison().isEqualTo(sample);
        assertThatThrownBy(() -> loaded.tags.add("x")).as("read as an unmodifiable list")
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(loadedEmpty.tags).isEmpty();
        assertThat(loadedEmpty.scores).isEmpty();
        assertThat(loadedNull).usingRecursiveComparison().isEqualTo(ArraySample.withId(3));
        assertThat(db.sql("select count(*) from array_sample where cardinality(tags) = 4 and cardinality(scores) = 3")
                .mapTo(Long.class).fetchOne().block(TIMEOUT)).as("stored as arrays, one element per value").isEqualTo(1L);
    }

    @Test
    void nullElementCannotBeReadIntoAPrimitiveArray() {
        if (!db.dialect().supports(Feature.ARRAY_COLUMNS)) {
            assertThatThrownBy(() -> db.model(ArraySample.class)).isInstanceOf(MappingException.class)
                    .hasMessageContaining(ArraySample.class.getName());
            return;
        }
        db.schema().dropIfExists(ArraySample.class).then(db.schema().create(ArraySample.class)).block(TIMEOUT);
        ArraySample sample = ArraySample.withId(4);
        sample.counts = Arrays.asList(1, null);
        db.insert(sample).block(TIMEOUT);
        db.sql("update array_sample set scores = counts").execute().block(TIMEOUT);

        StepVerifier.create(db.findById(ArraySample.class, 4L))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MappingException.class)
                        .hasMessageContaining("scores").hasMessageContaining("element 1 is NULL"))
                .verify(TIMEOUT);
    }

    @Test
    void jsonDocumentsAndTypesConvertedToJsonRoundTrip() {
        db.schema().dropIfExists(DocumentSample.class).then(db.schema().create(DocumentSample.class)).block(TIMEOUT);
        String text = "{\"b\": [1, 2.5, null, true], \"a\": \"漢字 😀 \\\"quoted\\\"\", \"nested\": {\"empty\": {}}}";
        DocumentSample sample = DocumentSample.withId(1);
        sample.raw = Json.of(text);
        sample.address = new Address("1 Main St", "Zürich", null);

        db.insertAll(List.of(sample, DocumentSample.withId(2))).blockLast(TIMEOUT);
        DocumentSample loaded = db.findById(DocumentSample.class, 1L).block(TIMEOUT);
        DocumentSample empty = db.findById(DocumentSample.class, 2L).block(TIMEOUT);

        assertThat(DocumentSample.tree(loaded.raw)).isEqualTo(DocumentSample.tree(sample.raw));
        assertThat(loaded.address).isEqualTo(new Address("1 Main St", "Zürich", null));
        assertThat(empty.raw).isNull();
        assertThat(empty.address).isNull();
        if (!db.dialect().supports(Feature.JSONB)) {
            assertThat(loaded.raw.text()).as("stored as the text given").isEqualTo(text);
        }
    }

    @Test
    void malformedJsonIsRefusedByAJsonbColumnAndStoredAsTextElsewhere() {
        db.schema().dropIfExists(DocumentSample.class).then(db.schema().create(DocumentSample.class)).block(TIMEOUT);
        DocumentSample sample = DocumentSample.withId(3);
        sample.raw = Json.of("{not json");

        if (db.dialect().supports(Feature.JSONB)) {
            StepVerifier.create(db.insert(sample)).expectError(DataAccessException.class).verify(TIMEOUT);
            assertThat(db.count(DocumentSample.class).block(TIMEOUT)).isZero();
        } else {
            db.insert(sample).block(TIMEOUT);
            assertThat(db.findById(DocumentSample.class, 3L).block(TIMEOUT).raw).isEqualTo(Json.of("{not json"));
        }
    }

    @Test
    void keepsUnicodeTextExactlyAndEmptyTextAsEmpty() {
        String unicode = "emoji 😀👍🏽 👩‍👩‍👧, CJK 漢字かなカナ한국어, combining e\u0301 and Z\u0324\u0354\u0367\u0311, RTL עברית";
        ConversionSample sample = ConversionSample.withId(5);
        sample.textValue = unicode;
        sample.charPrimitive = '漢';
        sample.charWrapper = 'ß';
        ConversionSample empty = ConversionSample.withId(6);
        empty.textValue = "";

        ConversionSample loaded = insertAndReload(sample);
        ConversionSample loadedEmpty = insertAndReload(empty);

        assertThat(loaded.textValue).as("not normalised, not truncated").isEqualTo(unicode);
        assertThat(loaded.charPrimitive).isEqualTo('漢');
        assertThat(loaded.charWrapper).isEqualTo('ß');
        assertThat(loadedEmpty.textValue).isNotNull().isEmpty();
        assertThat(db.sql("select text_value from conversion_sample where text_value = :text").bind("text", unicode)
                .mapTo(String.class).fetchOne().block(TIMEOUT)).isEqualTo(unicode);
    }

    @Test
    void offsetDateTimeKeepsTheInstantWhateverTheOffset() {
        OffsetDateTime india = OffsetDateTime.of(2024, 2, 29, 23, 30, 15, 123_456_000, ZoneOffset.ofHoursMinutes(5, 30));
        OffsetDateTime california = OffsetDateTime.of(1999, 12, 31, 16, 0, 0, 1_000, ZoneOffset.ofHours(-8));
        ConversionSample first = ConversionSample.withId(7);
        first.offsetDateTimeValue = india;
        ConversionSample second = ConversionSample.withId(8);
        second.offsetDateTimeValue = california;

        OffsetDateTime loadedIndia = insertAndReload(first).offsetDateTimeValue;
        OffsetDateTime loadedCalifornia = insertAndReload(second).offsetDateTimeValue;

        assertThat(loadedIndia.isEqual(india)).as("%s is the instant %s", loadedIndia, india).isTrue();
        assertThat(loadedCalifornia.isEqual(california)).as("%s is the instant %s", loadedCalifornia, california).isTrue();
        assertThat(loadedCalifornia.toInstant()).isEqualTo(Instant.parse("2000-01-01T00:00:00.000001Z"));
    }

    @Test
    void timeValuesKeepMicroseconds() {
        ConversionSample sample = ConversionSample.withId(9);
        sample.instantValue = Instant.parse("2024-02-29T23:59:59.123456Z");
        sample.timeValue = LocalTime.of(13, 14, 15, 654_321_000);
        sample.dateTimeValue = LocalDateTime.of(2024, 2, 29, 13, 14, 15, 1_000);
        sample.dateValue = LocalDate.of(2024, 2, 29);

        ConversionSample loaded = insertAndReload(sample);

        assertThat(loaded.instantValue).isEqualTo(Instant.parse("2024-02-29T23:59:59.123456Z"));
        assertThat(loaded.timeValue).isEqualTo(LocalTime.of(13, 14, 15, 654_321_000));
        assertThat(loaded.dateTimeValue).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 1_000));
        assertThat(loaded.dateValue).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void durationOfDaysAndMicrosecondsRoundTrips() {
        Duration duration = Duration.ofDays(3).plusHours(4).plusMinutes(5).plusSeconds(6).plusNanos(789_012_000);
        ConversionSample sample = ConversionSample.withId(10);
        sample.durationValue = duration;
        ConversionSample zero = ConversionSample.withId(11);
        zero.durationValue = Duration.ZERO;

        assertThat(insertAndReload(sample).durationValue).isEqualTo(duration);
        assertThat(insertAndReload(zero).durationValue).isEqualTo(Duration.ZERO);
    }

    @Test
    void largeByteArrayRoundTrips() {
        byte[] megabyte = new byte[1 << 20];
        new Random(42).nextBytes(megabyte);
        ConversionSample sample = ConversionSample.withId(12);
        sample.bytesValue = megabyte;
        ConversionSample empty = ConversionSample.withId(13);
        empty.bytesValue = new byte[0];

        byte[] loaded = insertAndReload(sample).bytesValue;
        byte[] loadedEmpty = insertAndReload(empty).bytesValue;

        assertThat(loaded).hasSize(1 << 20);
        assertThat(Arrays.equals(loaded, megabyte)).as("every byte survives").isTrue();
        assertThat(loadedEmpty).isNotNull().isEmpty();
    }

    @Test
    void enumsAreStoredByNameUnlessOrdinalIsAsked() {
        ConversionSample sample = ConversionSample.withId(14);
        sample.statusByName = Status.ARCHIVED;
        sample.statusByOrdinal = Status.ARCHIVED;
        ConversionSample loaded = insertAndReload(sample);

        Integer ordinal = db.sql("select status_by_ordinal from conversion_sample where id = :id").bind("id", 14L)
                .mapTo(Integer.class).fetchOne().block(TIMEOUT);
        String name = db.sql("select status_by_name from conversion_sample where id = :id").bind("id", 14L)
                .mapTo(String.class).fetchOne().block(TIMEOUT);

        assertThat(loaded.statusByName).isEqualTo(Status.ARCHIVED);
        assertThat(loaded.statusByOrdinal).isEqualTo(Status.ARCHIVED);
        assertThat(ordinal).isEqualTo(Status.ARCHIVED.ordinal()).isEqualTo(2);
        assertThat(name).isEqualTo("ARCHIVED");
        assertThat(db.model(ConversionSample.class).column("statusByOrdinal").storedType()).isEqualTo(Integer.class);
    }

    @Test
    void enumConstantWithBodyIsStoredByItsName() {
        ConversionSample sample = ConversionSample.withId(15);
        sample.statusByName = Status.ACTIVE;
        sample.statusByOrdinal = Status.ACTIVE;

        ConversionSample loaded = insertAndReload(sample);

        assertThat(loaded.statusByName).isSameAs(Status.ACTIVE);
        assertThat(loaded.statusByOrdinal).isSameAs(Status.ACTIVE);
        assertThat(db.sql("select status_by_name from conversion_sample").mapTo(String.class).fetchOne().block(TIMEOUT))
                .isEqualTo("ACTIVE");
    }

    @Test
    void rawSqlRowsReadEnumsInstantsAndUuidsThroughConverters() {
        ConversionSample sample = typical(16);
        db.insert(sample).block(TIMEOUT);

        List<Object> values = db.sql("select status_by_name, instant_value, uuid_value, price, big_integer_value, "
                        + "char_wrapper from conversion_sample where id = :id")
                .bind("id", 16L)
                .map(row -> List.<Object>of(row.get("status_by_name", Status.class),
                        row.get("instant_value", Instant.class), row.get("uuid_value", UUID.class), row.get(3, Money.class),
                        row.get("big_integer_value", BigInteger.class), row.get("char_wrapper", Character.class)))
                .fetchOne().block(TIMEOUT);

        assertThat(values).containsExactly(sample.statusByName, sample.instantValue, sample.uuidValue, sample.price,
                sample.bigIntegerValue, sample.charWrapper);
        assertThat(db.sql("select instant_value from conversion_sample").mapTo(Instant.class).fetchOne().block(TIMEOUT))
                .isEqualTo(sample.instantValue);
        assertThat(db.sql("select status_by_name from conversion_sample").mapTo(Status.class).fetchOne().block(TIMEOUT))
                .isEqualTo(sample.statusByName);
    }

    @Test
    void rawSqlBindsEnumsInstantsAndUserTypes() {
        ConversionSample active = typical(17);
        active.statusByName = Status.ACTIVE;
        ConversionSample draft = typical(18);
        draft.statusByName = Status.DRAFT;
        draft.instantValue = active.instantValue.plusSeconds(60);
        db.insertAll(List.of(active, draft)).blockLast(TIMEOUT);

        Long byEnum = db.sql("select id from conversion_sample where status_by_name = :status")
                .bind("status", Status.ACTIVE).mapTo(Long.class).fetchOne().block(TIMEOUT);
        Long byInstant = db.sql("select id from conversion_sample where instant_value > :after")
                .bind("after", active.instantValue).mapTo(Long.class).fetchOne().block(TIMEOUT);
        Long byMoney = db.sql("select count(*) from conversion_sample where price = :price")
                .bind("price", active.price).mapTo(Long.class).fetchOne().block(TIMEOUT);
        Long updated = db.sql("update conversion_sample set status_by_name = :status, instant_value = :at where id = :id")
                .bind("status", Status.ARCHIVED).bind("at", Instant.EPOCH).bind("id", 18L).execute().block(TIMEOUT);

        assertThat(byEnum).isEqualTo(17L);
        assertThat(byInstant).isEqualTo(18L);
        assertThat(byMoney).isEqualTo(2L);
        assertThat(updated).isEqualTo(1L);
        ConversionSample reloaded = db.findById(ConversionSample.class, 18L).block(TIMEOUT);
        assertThat(reloaded.statusByName).isEqualTo(Status.ARCHIVED);
        assertThat(reloaded.instantValue).isEqualTo(Instant.EPOCH);
    }

    @Test
    void userConvertersDecideTheStoredValue() {
        ConversionSample sample = typical(19);
        db.insert(sample).block(TIMEOUT);

        String price = db.sql("select price from conversion_sample").mapTo(String.class).fetchOne().block(TIMEOUT);
        String link = db.sql("select link from conversion_sample").mapTo(String.class).fetchOne().block(TIMEOUT);

        assertThat(price).isEqualTo("EUR 12.34");
        assertThat(link).isEqualTo("https://example.org/a?b=c#d");
        assertThat(db.model(ConversionSample.class).column("price").storedType()).isEqualTo(String.class);
    }

    @Test
    void userConverterToANonNativeTypeContinuesWithRowflowsConversion() {
        ConversionSample sample = typical(22);

        ConversionSample loaded = insertAndReload(sample);
        Instant stored = db.sql("select legacy_date from conversion_sample").mapTo(Instant.class).fetchOne().block(TIMEOUT);
        Long found = db.sql("select id from conversion_sample where legacy_date = :date")
                .bind("date", sample.legacyDate).mapTo(Long.class).fetchOne().block(TIMEOUT);

        assertThat(loaded.legacyDate).isEqualTo(Date.from(Instant.parse("2001-09-09T01:46:40.123Z")));
        assertThat(stored).isEqualTo(Instant.parse("2001-09-09T01:46:40.123Z"));
        assertThat(found).isEqualTo(22L);
        assertThat(db.model(ConversionSample.class).column("legacyDate").storedType())
                .as("stored as this database stores an Instant")
                .isEqualTo(db.model(ConversionSample.class).column("instantValue").storedType());
    }

    @Test
    void converterFailingOnReadArrivesAsMappingExceptionThroughOnError() {
        db.insert(typical(20)).block(TIMEOUT);
        db.sql("update conversion_sample set link = :broken").bind("broken", "not a uri").execute().block(TIMEOUT);

        Mono<ConversionSample> find = db.findById(ConversionSample.class, 20L);

        StepVerifier.create(find)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MappingException.class)
                        .hasMessageContaining("link").hasMessageContaining(ConversionSample.class.getName())
                        .hasRootCauseInstanceOf(URISyntaxException.class))
                .verify(TIMEOUT);
        StepVerifier.create(db.sql("select link from conversion_sample").map(row -> row.get("link", URI.class)).fetch())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MappingException.class).hasMessageContaining("URI"))
                .verify(TIMEOUT);
    }

    @Test
    void converterFailingOnWriteArrivesAsMappingExceptionThroughOnError() {
        Converter<Money, String> failing = Converter.of(Money.class, String.class, money -> {
            throw new IllegalStateException("cannot store " + money.currency());
        }, Money::parse);
        Database strict = Database.builder(counting).converter(failing)
                .converter(ConversionSample.URI_AS_TEXT).converter(ConversionSample.DATE_AS_INSTANT).build();

        Mono<ConversionSample> insert = strict.insert(typical(21));

        assertThat(counting.statements()).as("nothing runs before subscription").isZero();
        StepVerifier.create(insert)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MappingException.class)
                        .hasMessageContaining("price").hasMessageContaining("cannot store EUR")
                        .hasCauseInstanceOf(IllegalStateException.class))
                .verify(TIMEOUT);
        assertThat(db.count(ConversionSample.class).block(TIMEOUT)).isZero();
    }

    @Test
    void nonFiniteFloatingPointValuesRoundTripWhereTheDatabaseStoresThem() {
        if (!db.dialect().supports(Feature.NON_FINITE_FLOATS)) {
            return;
        }
        ConversionSample sample = typical(41);
        sample.doublePrimitive = Double.NaN;
        sample.doubleWrapper = Double.POSITIVE_INFINITY;
        sample.floatPrimitive = Float.NEGATIVE_INFINITY;
        sample.floatWrapper = Float.NaN;

        ConversionSample loaded = insertAndReload(sample);
        Double bound = db.sql("select :value").bind("value", Double.NEGATIVE_INFINITY)
                .map(row -> row.get(0, Double.class)).fetchOne().block(TIMEOUT);

        assertThat(loaded.doublePrimitive).isNaN();
        assertThat(loaded.doubleWrapper).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(loaded.floatPrimitive).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(loaded.floatWrapper).isNaN();
        assertThat(bound).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void nonFiniteFloatingPointValuesAreRefusedBeforeAnythingIsSentWhereTheDatabaseCannotStoreThem() {
        if (db.dialect().supports(Feature.NON_FINITE_FLOATS)) {
            return;
        }
        db.insert(typical(42)).block(TIMEOUT);
        ConversionSample notANumber = typical(42);
        notANumber.doubleWrapper = Double.NaN;
        ConversionSample infinite = typical(43);
        infinite.floatPrimitive = Float.POSITIVE_INFINITY;
        counting.reset();

        assertRefused(db.insert(infinite), "floatPrimitive", "float_primitive", "Infinity");
        assertRefused(db.insertAll(List.of(typical(44), infinite)).then(), "floatPrimitive", "float_primitive", "Infinity");
        assertRefused(db.update(notANumber), "doubleWrapper", "double_wrapper", "NaN");
        assertRefused(db.upsert(notANumber), "doubleWrapper", "double_wrapper", "NaN");
        StepVerifier.create(db.sql("update conversion_sample set double_wrapper = :value")
                        .bind("value", Double.NEGATIVE_INFINITY).execute())
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MappingException.class)
                        .hasMessageContaining("-Infinity").hasMessageContaining(db.dialect().name()))
                .verify(TIMEOUT);
        assertThat(counting.statements()).as("nothing was sent").isZero();
        assertThat(db.findById(ConversionSample.class, 42L).block(TIMEOUT).doubleWrapper).isEqualTo(-Math.E);
    }

    private void assertRefused(Mono<?> write, String property, String column, String value) {
        StepVerifier.create(write)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(MappingException.class)
                        .hasMessageContaining(ConversionSample.class.getName() + "." + property)
                        .hasMessageContaining(column).hasMessageContaining(value)
                        .hasMessageContaining(db.dialect().name()))
                .verify(TIMEOUT);
    }

    @Test
    void converterToObjectIsRejectedWhenRegistered() {
        Converter<Money, Object> vague = Converter.of(Money.class, Object.class, Money::format, text -> Money.parse((String) text));
        DatabaseBuilder builder = Database.builder(counting);

        assertThatThrownBy(() -> builder.converter(vague))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(vague.toString()).hasMessageContaining(Money.class.getName())
                .hasMessageContaining("java.lang.Object").hasMessageContaining("databaseType()")
                .hasMessageContaining("String");
    }

    @Test
    void converterToATypeTheDatabaseCannotStoreIsRejectedWhenTheDatabaseIsBuilt() {
        Converter<Money, Number> vague = Converter.of(Money.class, Number.class, Money::amount,
                number -> new Money("EUR", new BigDecimal(number.toString())));
        DatabaseBuilder builder = Database.builder(counting).converter(vague);

        assertThatThrownBy(builder::build)
                .isInstanceOf(MappingException.class)
                .hasMessageContaining(vague.toString()).hasMessageContaining("java.lang.Number")
                .hasMessageContaining("databaseType()");
    }

    private ConversionSample insertAndReload(ConversionSample sample) {
        db.insert(sample).block(TIMEOUT);
        ConversionSample loaded = db.findById(ConversionSample.class, sample.id).block(TIMEOUT);
        assertThat(loaded).as("row %s", sample.id).isNotNull().isNotSameAs(sample);
        return loaded;
    }

    /**
     * Compares every property; offset date-times as instants, since PostgreSQL and MariaDB do not
     * keep the offset, and decimals by value, since a fixed-scale column pads them with zeros.
     */
    private static void assertSameValues(ConversionSample loaded, ConversionSample expected) {
        assertThat(loaded).usingRecursiveComparison()
                .withComparatorForType(OffsetDateTime.timeLineOrder(), OffsetDateTime.class)
                .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .withComparatorForType(Arrays::compare, byte[].class)
                .isEqualTo(expected);
    }

    /** A sample with an ordinary, non-null value in every column. */
    static ConversionSample typical(long id) {
        ConversionSample sample = ConversionSample.withId(id);
        sample.intPrimitive = 42;
        sample.longPrimitive = 9_000_000_000L;
        sample.shortPrimitive = 1_234;
        sample.bytePrimitive = -7;
        sample.booleanPrimitive = true;
        sample.doublePrimitive = Math.PI;
        sample.floatPrimitive = 2.5f;
        sample.charPrimitive = 'Q';
        sample.intWrapper = -42;
        sample.longWrapper = -9_000_000_000L;
        sample.shortWrapper = -1_234;
        sample.byteWrapper = 7;
        sample.booleanWrapper = true;
        sample.doubleWrapper = -Math.E;
        sample.floatWrapper = -0.125f;
        sample.charWrapper = '€';
        sample.textValue = "The Left Hand of Darkness";
        sample.decimalValue = new BigDecimal("-12345.6789");
        sample.bigIntegerValue = new BigInteger("123456789012345678901234567890");
        sample.uuidValue = UUID.fromString("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        sample.dateValue = LocalDate.of(1969, 7, 20);
        sample.timeValue = LocalTime.of(20, 17, 40, 500_000_000);
        sample.dateTimeValue = LocalDateTime.of(1969, 7, 20, 20, 17, 40, 123_456_000);
        sample.offsetDateTimeValue = OffsetDateTime.of(1969, 7, 20, 20, 17, 40, 0, ZoneOffset.UTC);
        sample.instantValue = Instant.parse("1969-07-21T02:56:15.654321Z");
        sample.durationValue = Duration.ofHours(2).plusMinutes(31).plusMillis(250);
        sample.statusByName = Status.DRAFT;
        sample.statusByOrdinal = Status.ACTIVE;
        sample.bytesValue = new byte[]{0, 1, -1, 127, -128};
        sample.price = new Money("EUR", new BigDecimal("12.34"));
        sample.link = URI.create("https://example.org/a?b=c#d");
        sample.legacyDate = Date.from(Instant.parse("2001-09-09T01:46:40.123Z"));
        return sample;
    }
}
