package io.rowflow.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import io.rowflow.Database;
import io.rowflow.OptimisticLockException;
import io.rowflow.Ref;
import io.rowflow.TenantException;
import io.rowflow.fixtures.tenancy.Item;
import io.rowflow.fixtures.tenancy.Memo;
import io.rowflow.fixtures.tenancy.Shop;
import io.rowflow.sql.Assignment;
import io.rowflow.sql.DataChangeStatement;
import io.rowflow.sql.Expression;
import io.rowflow.sql.FetchPlan;
import io.rowflow.sql.Predicate;
import io.rowflow.sql.SelectStatement;
import io.rowflow.sql.TableRef;
import io.rowflow.test.CountingConnectionFactory;
import io.rowflow.test.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Global filters, soft delete and the tenant discriminator on a hand-written schema of shops and
 * their items, four tenants: every read path (queries, counts, existence checks, lookups,
 * coalesced lookups, relationship loads) sees only the current tenant's live rows, the
 * unfiltered view sees deleted rows (of its tenant only), deletes become updates, writes are
 * limited to the tenant, and a missing tenant is an error.
 */
public abstract class FiltersAndTenancyContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int SHOPS = 40;
    private static final int ITEMS = 160;
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

    private CountingConnectionFactory counting;
    private ConnectionPool pool;
    private Database db;

    /** The real database under test, unpooled. */
    protected abstract ConnectionFactory connectionFactory();

    /** The column type of an {@code Instant}. */
    protected abstract String timestampType();

    /** Whether concurrent lookups reliably overlap on this driver (not on synchronous H2). */
    protected boolean lookupsOverlap() {
        return true;
    }

    @BeforeEach
    void createData() {
        counting = new CountingConnectionFactory(connectionFactory());
        pool = TestDatabases.pooled(counting, 4);
        db = Database.builder(pool)
                .tenant(context -> context.getOrDefault("tenant", null))
                .filter(Shop.class, table -> new Predicate.Comparison(new Expression.Column(table, "name"),
                        Predicate.ComparisonOperator.NE, new Expression.Value("closed shop")))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        List<String> ddl = List.of(
                "CREATE TABLE ten_shop (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, "
                        + "tenant VARCHAR(10) NOT NULL, deleted_at " + timestampType() + " NULL)",
                "CREATE TABLE ten_item (id INTEGER NOT NULL PRIMARY KEY, label VARCHAR(40) NOT NULL, "
                        + "tenant VARCHAR(10) NOT NULL, removed BOOLEAN NOT NULL, shop_id INTEGER REFERENCES ten_shop (id))",
                "INSERT INTO ten_shop (id, name, tenant, deleted_at) VALUES " + values(SHOPS,
                        i -> i + ", '" + (i == 9 ? "closed shop" : "shop " + i) + "', '" + tenantOf(i) + "', "
                                + (shopDeleted(i) ? "CURRENT_TIMESTAMP" : "NULL")),
                "INSERT INTO ten_item VALUES " + values(ITEMS,
                        i -> i + ", 'item " + i + "', '" + tenantOf(shopOf(i)) + "', " + itemRemoved(i) + ", " + shopOf(i)));
        Flux.just("ten_item", "ten_shop")
                .concatMap(table -> db.sql("DROP TABLE IF EXISTS " + table).execute())
                .thenMany(Flux.fromIterable(ddl).concatMap(statement -> db.sql(statement).execute()))
                .blockLast(TIMEOUT);
        counting.reset();
    }

    @AfterEach
    void closePool() {
        io.rowflow.test.Await.until("every connection released", Duration.ofSeconds(10),
                () -> pool.getMetrics().map(metrics -> metrics.acquiredSize() == 0).orElse(true));
        pool.disposeLater().block(TIMEOUT);
    }

    private static String values(int rows, java.util.function.IntFunction<String> row) {
        return IntStream.rangeClosed(1, rows).mapToObj(i -> "(" + row.apply(i) + ")").collect(Collectors.joining(", "));
    }

    private static String tenantOf(int shop) {
        return "t" + ((shop - 1) % 4 + 1);
    }

    private static boolean shopDeleted(int shop) {
        return shop % 5 == 0;
    }

    private static boolean shopVisible(int shop) {
        return !shopDeleted(shop) && shop != 9;
    }

    private static int shopOf(int item) {
        return (item - 1) % SHOPS + 1;
    }

    private static boolean itemRemoved(int item) {
        return item % 7 == 0;
    }

    private static List<Integer> visibleShops(String tenant) {
        return IntStream.rangeClosed(1, SHOPS).filter(i -> tenantOf(i).equals(tenant) && shopVisible(i)).boxed().toList();
    }

    private static List<Integer> visibleItems(String tenant) {
        return IntStream.rangeClosed(1, ITEMS).filter(i -> tenantOf(shopOf(i)).equals(tenant) && !itemRemoved(i))
                .boxed().toList();
    }

    private static <T> Mono<T> as(String tenant, Mono<T> work) {
        return work.contextWrite(Context.of("tenant", tenant));
    }

    private static <T> Flux<T> as(String tenant, Flux<T> work) {
        return work.contextWrite(Context.of("tenant", tenant));
    }

    @Test
    void queriesCountsExistenceChecksAndLookupsSeeOnlyTheTenantsLiveRows() {
        TableRef shop = new TableRef(Shop.class, "shop");
        assertThat(as("t1", db.findAll(Shop.class)).map(Shop::id).collectList().block(TIMEOUT))
                .containsExactlyInAnyOrderElementsOf(visibleShops("t1"));
        assertThat(as("t2", db.fetch(SelectStatement.of(shop, Shop.class))).map(Shop::id).collectList().block(TIMEOUT))
                .containsExactlyInAnyOrderElementsOf(visibleShops("t2"));
        assertThat(as("t1", db.count(Shop.class)).block(TIMEOUT)).isEqualTo(visibleShops("t1").size());
        assertThat(as("t3", db.count(Item.class)).block(TIMEOUT)).isEqualTo(visibleItems("t3").size());
        assertThat(as("t1", db.existsById(Shop.class, 2)).block(TIMEOUT)).as("shop 2 is t2's").isFalse();
        assertThat(as("t2", db.existsById(Shop.class, 2)).block(TIMEOUT)).isTrue();
        assertThat(as("t1", db.findById(Shop.class, 5)).blockOptional(TIMEOUT)).as("deleted").isEmpty();
        assertThat(as("t1", db.findById(Shop.class, 9)).blockOptional(TIMEOUT)).as("filtered").isEmpty();
        assertThat(as("t1", db.findById(Shop.class, 1)).block(TIMEOUT).name()).isEqualTo("shop 1");
        assertThat(as("t4", db.findAllById(Shop.class, IntStream.rangeClosed(1, SHOPS).boxed().toList()))
                .map(Shop::id).collectList().block(TIMEOUT)).containsExactlyElementsOf(visibleShops("t4"));
        assertThat(counting.executedSql()).allSatisfy(sql -> assertThat(sql).containsIgnoringCase("tenant"));
    }

    @Test
    void theUnfilteredViewSeesDeletedAndFilteredRowsOfItsTenantOnly() {
        List<Integer> all = IntStream.rangeClosed(1, SHOPS).filter(i -> tenantOf(i).equals("t1")).boxed().toList();
        assertThat(as("t1", db.unfiltered().findAll(Shop.class)).map(Shop::id).collectList().block(TIMEOUT))
                .containsExactlyInAnyOrderElementsOf(all);
        assertThat(as("t1", db.unfiltered().findById(Shop.class, 5)).block(TIMEOUT).deletedAt()).isNotNull();
        assertThat(as("t1", db.unfiltered().findById(Shop.class, 2)).blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void relationshipLoadsSeeOnlyTheTenantsLiveChildren() {
        List<Shop> shops = as("t2", db.findAll(Shop.class, FetchPlan.of("items"))).collectList().block(TIMEOUT);
        assertThat(shops).extracting(Shop::id).containsExactlyInAnyOrderElementsOf(visibleShops("t2"));
        assertThat(shops).allSatisfy(shop -> assertThat(shop.items()).extracting(Item::id).containsExactlyInAnyOrderElementsOf(
                visibleItems("t2").stream().filter(i -> shopOf(i) == shop.id()).toList()));
        assertThat(counting.statements()).as("shops, then their items").isEqualTo(2);

        List<Item> items = as("t3", db.findAll(Item.class, FetchPlan.of("shop"))).collectList().block(TIMEOUT);
        assertThat(items).extracting(Item::id).containsExactlyInAnyOrderElementsOf(visibleItems("t3"));
        assertThat(items).filteredOn(item -> shopVisible(shopOf(item.id())))
                .allSatisfy(item -> assertThat(item.shop().get().id()).isEqualTo(shopOf(item.id())));
        assertThat(items).filteredOn(item -> !shopVisible(shopOf(item.id()))).isNotEmpty()
                .as("a hidden target leaves the Ref unloaded, its key kept for saving the item")
                .allSatisfy(item -> assertThat(item.shop().isLoaded()).isFalse())
                .allSatisfy(item -> assertThat(item.shop().id()).isEqualTo(shopOf(item.id())));
        assertThat(counting.executedSql()).allSatisfy(sql -> assertThat(sql).containsIgnoringCase("tenant"));
    }

    @Test
    void concurrentLookupsOfFourTenantsAreCoalescedPerTenant() {
        List<Integer> keys = IntStream.range(0, 2_000).map(i -> i % SHOPS + 1).boxed().toList();
        List<String> tenants = List.of("t1", "t2", "t3", "t4");

        List<Optional<Shop>> found = Flux.range(0, keys.size())
                .flatMapSequential(i -> as(tenants.get(i % 4), db.findById(Shop.class, keys.get(i)))
                        .map(Optional::of).defaultIfEmpty(Optional.empty()), 64)
                .collectList().block(TIMEOUT);

        for (int i = 0; i < keys.size(); i++) {
            int key = keys.get(i);
            boolean visible = tenantOf(key).equals(tenants.get(i % 4)) && shopVisible(key);
            assertThat(found.get(i).map(Shop::id)).as("shop %d for %s", key, tenants.get(i % 4))
                    .isEqualTo(visible ? Optional.of(key) : Optional.empty());
            found.get(i).ifPresent(shop -> assertThat(shop.tenant()).isEqualTo(tenants.get(shop.id() % 4 == 0 ? 3 : shop.id() % 4 - 1)));
        }
        if (lookupsOverlap()) {
            assertThat(db.coalescingStatistics().lookups().statements()).as("batched per tenant").isLessThan(2_000 / 2);
            assertThat(counting.executedSql()).anySatisfy(sql -> assertThat(sql).containsAnyOf("ANY(", " IN ("));
        }
    }

    @Test
    void aMissingTenantIsAnErrorNeverAllTenants() {
        assertThatThrownBy(() -> db.findAll(Shop.class).collectList().block(TIMEOUT)).isInstanceOf(TenantException.class);
        assertThatThrownBy(() -> db.findById(Shop.class, 1).block(TIMEOUT)).isInstanceOf(TenantException.class);
        assertThatThrownBy(() -> db.count(Item.class).block(TIMEOUT)).isInstanceOf(TenantException.class);
        assertThatThrownBy(() -> db.insert(new Shop(100, "new")).block(TIMEOUT)).isInstanceOf(TenantException.class);
        assertThatThrownBy(() -> db.deleteById(Shop.class, 1).block(TIMEOUT)).isInstanceOf(TenantException.class);
        assertThat(db.sql("SELECT COUNT(*) FROM ten_shop").map(row -> row.get(0, Long.class)).fetchOne().block(TIMEOUT))
                .as("raw SQL is not filtered").isEqualTo(SHOPS);
    }

    @Test
    void insertsFillTheTenantAndRefuseAnotherTenantsEntity() {
        Shop inserted = as("t3", db.insert(new Shop(100, "new"))).block(TIMEOUT);
        assertThat(inserted.tenant()).isEqualTo("t3");
        assertThat(as("t3", db.findById(Shop.class, 100)).block(TIMEOUT).tenant()).isEqualTo("t3");
        assertThat(as("t1", db.findById(Shop.class, 100)).blockOptional(TIMEOUT)).isEmpty();
        assertThat(as("t2", db.insertAll(List.of(new Shop(101, "a"), new Shop(102, "b")))).map(Shop::tenant)
                .collectList().block(TIMEOUT)).containsExactly("t2", "t2");

        Shop foreign = new Shop(103, "foreign", "t1", null, List.of());
        assertThatThrownBy(() -> as("t2", db.insert(foreign)).block(TIMEOUT)).isInstanceOf(TenantException.class)
                .hasMessageContaining("tenant t1").hasMessageContaining("Shop");
        assertThatThrownBy(() -> as("t2", db.upsert(foreign)).block(TIMEOUT)).isInstanceOf(TenantException.class);
        assertThat(as("t1", db.unfiltered().findById(Shop.class, 103)).blockOptional(TIMEOUT)).isEmpty();
    }

    @Test
    void updatesAndDeletesNeverTouchAnotherTenantsRows() {
        Shop forged = new Shop(2, "taken over", "t1", null, List.of());
        assertThatThrownBy(() -> as("t1", db.update(forged)).block(TIMEOUT)).isInstanceOf(OptimisticLockException.class);
        assertThat(as("t1", db.deleteById(Shop.class, 2)).block(TIMEOUT)).isFalse();
        assertThat(as("t1", db.unfiltered().deleteById(Shop.class, 2)).block(TIMEOUT)).isFalse();
        Shop two = as("t2", db.findById(Shop.class, 2)).block(TIMEOUT);
        assertThat(two.name()).isEqualTo("shop 2");
        assertThat(two.deletedAt()).isNull();

        Shop updated = as("t2", db.update(new Shop(2, "renamed", "t2", null, List.of()))).block(TIMEOUT);
        assertThat(as("t2", db.findById(Shop.class, 2)).block(TIMEOUT).name()).isEqualTo(updated.name());
    }

    @Test
    void deletingASoftDeleteEntitySetsItsColumn() {
        assertThat(as("t1", db.deleteById(Shop.class, 1)).block(TIMEOUT)).isTrue();
        assertThat(as("t1", db.deleteById(Shop.class, 1)).block(TIMEOUT)).as("already deleted").isFalse();
        Item item = as("t1", db.findById(Item.class, 1)).block(TIMEOUT);
        assertThat(as("t1", db.delete(item)).block(TIMEOUT)).isTrue();

        assertThat(as("t1", db.findById(Shop.class, 1)).blockOptional(TIMEOUT)).isEmpty();
        assertThat(as("t1", db.findById(Item.class, 1)).blockOptional(TIMEOUT)).isEmpty();
        assertThat(as("t1", db.unfiltered().findById(Shop.class, 1)).block(TIMEOUT).deletedAt()).isEqualTo(NOW);
        assertThat(as("t1", db.unfiltered().findById(Item.class, 1)).block(TIMEOUT).removed()).isTrue();
        assertThat(db.sql("SELECT COUNT(*) FROM ten_shop").map(row -> row.get(0, Long.class)).fetchOne().block(TIMEOUT))
                .as("rows stay").isEqualTo(SHOPS);

        as("t1", db.insert(new Shop(100, "empty"))).block(TIMEOUT);
        assertThat(as("t1", db.delete(new Shop(100, "empty", "t1", null, List.of()))).block(TIMEOUT)).isTrue();
        assertThat(as("t1", db.unfiltered().deleteById(Shop.class, 100)).block(TIMEOUT)).as("the admin view deletes").isTrue();
        assertThat(db.sql("SELECT COUNT(*) FROM ten_shop").map(row -> row.get(0, Long.class)).fetchOne().block(TIMEOUT))
                .isEqualTo(SHOPS);
    }

    @Test
    void cascadesFillAndCheckTheTenantOfChildren() {
        Shop shop = new Shop(200, "cascading", null, null, List.of(new Item(500, "a", null, false, Ref.unknown()),
                new Item(501, "b", null, false, Ref.unknown())));
        Shop saved = as("t2", db.insert(shop)).block(TIMEOUT);
        assertThat(saved.tenant()).isEqualTo("t2");
        assertThat(saved.items()).extracting(Item::tenant).containsExactly("t2", "t2");
        assertThat(as("t2", db.findById(Item.class, 501)).block(TIMEOUT).tenant()).isEqualTo("t2");
        assertThat(as("t1", db.findById(Item.class, 501)).blockOptional(TIMEOUT)).isEmpty();

        Item first = saved.items().get(0);
        Shop changed = new Shop(200, "cascading", "t2", null, List.of(
                new Item(first.id(), "a changed", first.tenant(), false, first.shop()), saved.items().get(1)));
        assertThat(as("t2", db.update(changed)).block(TIMEOUT).items()).extracting(Item::tenant).containsOnly("t2");
        assertThat(as("t2", db.findById(Item.class, 500)).block(TIMEOUT).label()).isEqualTo("a changed");
        assertThat(as("t2", db.count(Item.class)).block(TIMEOUT)).isEqualTo(visibleItems("t2").size() + 2);
        Shop foreignItem = new Shop(200, "cascading", "t2", null, List.of(new Item(1, "stolen", "t2", false, first.shop())));
        assertThatThrownBy(() -> as("t2", db.update(foreignItem)).block(TIMEOUT)).as("item 1 is t1's")
                .isInstanceOf(OptimisticLockException.class);
        assertThat(as("t1", db.findById(Item.class, 1)).block(TIMEOUT).label()).isEqualTo("item 1");

        Shop foreignChild = new Shop(201, "mixed", null, null, List.of(new Item(503, "d", "t1", false, Ref.unknown())));
        assertThatThrownBy(() -> as("t2", db.insert(foreignChild)).block(TIMEOUT)).isInstanceOf(TenantException.class);
        assertThat(as("t2", db.unfiltered().findById(Shop.class, 201)).blockOptional(TIMEOUT)).as("rolled back").isEmpty();
    }

    @Test
    void upsertsUpdateTheTenantsRowOrInsertNeverTakingAnotherTenantsRow() {
        Shop renamed = as("t2", db.upsert(new Shop(2, "upserted", "t2", null, List.of()))).block(TIMEOUT);
        assertThat(renamed.name()).isEqualTo("upserted");
        assertThat(as("t3", db.upsert(new Shop(300, "fresh"))).block(TIMEOUT).tenant()).isEqualTo("t3");
        assertThat(as("t3", db.findById(Shop.class, 300)).block(TIMEOUT).name()).isEqualTo("fresh");

        assertThatThrownBy(() -> as("t1", db.upsert(new Shop(2, "stolen"))).block(TIMEOUT))
                .isInstanceOf(io.rowflow.DuplicateKeyException.class);
        assertThat(as("t2", db.findById(Shop.class, 2)).block(TIMEOUT).name()).isEqualTo("upserted");
    }

    @Test
    void updatesAndDeletesByPredicateAreLimitedToTheTenantsLiveRows() {
        TableRef item = new TableRef(Item.class, "item");
        Predicate all = new Predicate.IsNull(new Expression.Column(item, "label"), true);
        long changed = as("t1", db.execute(DataChangeStatement.update(item)
                .set("label", new Expression.Value("relabelled")).where(all).build())).block(TIMEOUT);
        assertThat(changed).isEqualTo(visibleItems("t1").size());
        assertThat(db.sql("SELECT COUNT(*) FROM ten_item WHERE label = 'relabelled'").map(row -> row.get(0, Long.class))
                .fetchOne().block(TIMEOUT)).isEqualTo(visibleItems("t1").size());

        long deleted = as("t2", db.execute(DataChangeStatement.delete(item).where(all).build())).block(TIMEOUT);
        assertThat(deleted).isEqualTo(visibleItems("t2").size());
        assertThat(as("t1", db.count(Item.class)).block(TIMEOUT)).isEqualTo(visibleItems("t1").size());

        assertThatThrownBy(() -> as("t1", db.execute(DataChangeStatement.update(item)
                .set("tenant", new Expression.Value("t2")).where(all).build())).block(TIMEOUT))
                .isInstanceOf(io.rowflow.QueryException.class).hasMessageContaining("tenant");
        assertThatThrownBy(() -> db.execute(DataChangeStatement.delete(item).where(all).build()).block(TIMEOUT))
                .isInstanceOf(TenantException.class);
    }

    @Test
    void cascadedDeletesOfSoftDeleteChildrenAreUpdatesToo() {
        Shop shop = as("t1", db.findById(Shop.class, 1, FetchPlan.of("items"))).block(TIMEOUT);
        List<Integer> items = shop.items().stream().map(Item::id).toList();
        assertThat(items).isNotEmpty();

        assertThat(as("t1", db.delete(shop)).block(TIMEOUT)).isTrue();

        assertThat(as("t1", db.findAllById(Item.class, items)).collectList().block(TIMEOUT)).isEmpty();
        assertThat(as("t1", db.unfiltered().findAllById(Item.class, items)).map(Item::removed).collectList().block(TIMEOUT))
                .hasSize(items.size()).containsOnly(true);
        assertThat(db.sql("SELECT COUNT(*) FROM ten_item").map(row -> row.get(0, Long.class)).fetchOne().block(TIMEOUT))
                .as("no item row deleted").isEqualTo(ITEMS);
    }

    @Test
    void aSoftDeleteChecksTheVersionOfAVersionedEntity() {
        Flux.just("DROP TABLE IF EXISTS ten_memo", "CREATE TABLE ten_memo (id INTEGER NOT NULL PRIMARY KEY, "
                        + "text VARCHAR(40) NOT NULL, tenant VARCHAR(10) NOT NULL, deleted_at " + timestampType() + " NULL, "
                        + "version INTEGER NOT NULL)")
                .concatMap(statement -> db.sql(statement).execute()).blockLast(TIMEOUT);
        Memo memo = as("t1", db.insert(new Memo(1, "first", null, null, null))).block(TIMEOUT);
        Memo changed = as("t1", db.update(new Memo(1, "second", "t1", null, memo.version()))).block(TIMEOUT);

        assertThatThrownBy(() -> as("t1", db.delete(memo)).block(TIMEOUT)).as("stale version")
                .isInstanceOf(OptimisticLockException.class);
        assertThat(as("t1", db.delete(changed)).block(TIMEOUT)).isTrue();
        assertThat(as("t1", db.unfiltered().findById(Memo.class, 1)).block(TIMEOUT).deletedAt()).isEqualTo(NOW);
    }
}
