package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.fixtures.UndeclaredFilm;
import io.rowflow.fixtures.Rating;
import io.rowflow.DataAccessException;
import io.rowflow.IntegrityViolationException;
import io.rowflow.convert.Json;
import io.rowflow.fixtures.Festival;
import io.rowflow.fixtures.Inventory;
import io.rowflow.fixtures.RatingGuide;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Expression;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import io.rowflow.test.TestDatabases;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The native-type suite on PostgreSQL: an enum type of its own, {@code mpaa_rating}; plus a domain,
 * arrays with {@code NULL} elements, {@code inet}, {@code interval} and {@code jsonb} in a
 * hand-written table.
 */
class PostgresNativeTypesTest extends NativeTypesContract {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestDatabases.postgres(getClass());
    }

    @Override
    protected List<String> stockDdl() {
        return List.of("drop table if exists stock", "drop domain if exists positive_int cascade",
                "create domain positive_int as int check (value > 0)",
                "create table stock (id bigint primary key, quantity positive_int not null)");
    }

    @Override
    protected List<String> filmDdl() {
        return List.of("drop table if exists guide_film", "drop table if exists rating_guide", "drop table if exists film",
                "drop type if exists mpaa_rating cascade",
                "create type mpaa_rating as enum ('G', 'PG', 'PG-13', 'R', 'NC-17')",
                "create table film (id bigint primary key, title text not null, rating mpaa_rating)");
    }

    @Override
    protected String rawRatingTest() {
        return "rating = cast(:rating as mpaa_rating)";
    }

    private void createInventory() {
        for (String statement : List.of("drop table if exists inventory",
                "drop domain if exists positive_int cascade",
                "create domain positive_int as int check (value > 0)",
                "create table inventory (id bigint primary key, stock positive_int not null, tags text[], "
                        + "scores int[], address inet, restock interval, details jsonb)")) {
            db.sql(statement).execute().block(Duration.ofSeconds(30));
        }
    }

    @Test
    void writesAndReadsArraysWithNullElementsADomainAndInet() {
        createInventory();
        Inventory item = Inventory.of(1, 5);
        item.tags = Arrays.asList("a", null, "c");
        item.scores = new Integer[]{null, 2, null};
        item.address = "192.168.0.1";
        item.restock = Duration.ofHours(36);
        item.details = Json.of("{\"shelf\": 4}");
        db.insert(item).block(Duration.ofSeconds(30));

        Inventory read = db.findById(Inventory.class, 1L).block(Duration.ofSeconds(30));

        assertThat(read.stock).isEqualTo(5);
        assertThat(read.tags).containsExactly("a", null, "c");
        assertThat(read.scores).containsExactly(null, 2, null);
        assertThat(read.address).isEqualTo("192.168.0.1");
        assertThat(read.restock).isEqualTo(Duration.ofHours(36));
        assertThat(read.details.text()).isEqualTo("{\"shelf\": 4}");
        assertThat(db.sql("select array_position(tags, null) from inventory").mapTo(Integer.class).fetchOne()
                .block(Duration.ofSeconds(30))).as("a real NULL element, not the text 'null'").isEqualTo(2);
    }

    @Test
    void bulkInsertsComparesAndUpdatesDomainAndInetColumns() {
        createInventory();
        List<Inventory> items = List.of(Inventory.of(1, 3), Inventory.of(2, 7), Inventory.of(3, 7));
        items.get(1).address = "10.0.0.1";
        db.insertAll(items).then().block(Duration.ofSeconds(30));
        TableRef inventory = new TableRef(Inventory.class, "inventory");

        List<Long> ids = db.fetch(SelectStatement.of(inventory, Inventory.class)
                        .withWhere(new Predicate.And(List.of(
                                new Predicate.Comparison(new Expression.Column(inventory, "stock"),
                                        Predicate.ComparisonOperator.EQ, new Expression.Value(7)),
                                new Predicate.InList(new Expression.Column(inventory, "address"),
                                        List.of(new Expression.Value("10.0.0.1")), false)))))
                .map(item -> item.id).collectList().block(Duration.ofSeconds(30));
        Inventory changed = items.get(0);
        changed.stock = 4;
        changed.address = "::1";
        db.update(changed).block(Duration.ofSeconds(30));

        assertThat(ids).containsExactly(2L);
        assertThat(db.findById(Inventory.class, 1L).block(Duration.ofSeconds(30)).address).isEqualTo("::1");
    }

    @Test
    void aValueOutsideTheDomainIsRefusedByTheDatabase() {
        createInventory();

        db.insert(Inventory.of(1, 0))
                .as(StepVerifier::create)
                .expectError(IntegrityViolationException.class)
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void anEnumColumnMappedWithoutItsTypeFailsSayingHowToDeclareIt() {
        db.insert(new UndeclaredFilm(1L, "Jaws", Rating.PG_13))
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(DataAccessException.class)
                        .hasMessageContaining("column 'rating' has a database type of its own")
                        .hasMessageContaining("@Column(type = \"mpaa_rating\")"))
                .verify(Duration.ofSeconds(30));
    }

    @Test
    void aManyToManyKeyedByAnEnumBindsItsKeysAsAnArrayOfTheEnum() {
        for (String statement : List.of("create table rating_guide (rating mpaa_rating primary key, note text not null)",
                "create table guide_film (rating mpaa_rating not null references rating_guide (rating), "
                        + "film_id bigint not null references film (id), primary key (rating, film_id))",
                "insert into film values (1, 'Up', 'PG'), (2, 'Heat', 'R'), (3, 'Alien', 'R')",
                "insert into rating_guide values ('PG-13', 'teens'), ('R', 'adults'), ('G', 'all')",
                "insert into guide_film values ('PG-13', 1), ('R', 2), ('R', 3), ('R', 1)")) {
            db.sql(statement).execute().block(Duration.ofSeconds(30));
        }
        counting.reset();

        List<RatingGuide> guides = db.findAll(RatingGuide.class, FetchPlan.of("films")).collectList()
                .block(Duration.ofSeconds(30));

        assertThat(guides).hasSize(3).allSatisfy(guide -> assertThat(guide.films()).extracting(film -> film.title)
                .containsExactlyElementsOf(switch (guide.rating()) {
                    case PG_13 -> List.of("Up");
                    case R -> List.of("Up", "Heat", "Alien");
                    default -> List.<String>of();
                }));
        assertThat(counting.statements()).isEqualTo(2);
        assertThat(counting.executedSql().get(1)).contains("= ANY($1::mpaa_rating[])");
    }

    @Test
    void enumArraysAreStoredInEnumAndTextArraysWithNullElements() {
        for (String statement : List.of("drop table if exists festival",
                "create table festival (id bigint primary key, admitted mpaa_rating[], shown text[])")) {
            db.sql(statement).execute().block(Duration.ofSeconds(30));
        }
        db.insert(new Festival(1L, Arrays.asList(Rating.G, null, Rating.PG_13), new Rating[]{Rating.NC_17, null}))
                .block(Duration.ofSeconds(30));

        Festival read = db.findById(Festival.class, 1L).block(Duration.ofSeconds(30));

        assertThat(read.admitted()).containsExactly(Rating.G, null, Rating.PG_13);
        assertThat(read.shown()).containsExactly(Rating.NC_17, null);
        assertThat(db.sql("select admitted[3]::text || ' ' || shown[1] from festival").mapTo(String.class).fetchOne()
                .block(Duration.ofSeconds(30))).isEqualTo("PG-13 NC-17");
        db.schema().validate(Festival.class).as(StepVerifier::create).expectComplete().verify(Duration.ofSeconds(30));
    }
}
