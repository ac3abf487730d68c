package io.rowflow.query.processor;

import io.rowflow.annotation.Embedded;
import io.rowflow.annotation.EntityConstructor;
import io.rowflow.annotation.EnumLabel;
import io.rowflow.annotation.EnumType;
import io.rowflow.annotation.Enumerated;
import io.rowflow.annotation.GeneratedValue;
import io.rowflow.annotation.Id;
import io.rowflow.annotation.JoinColumn;
import io.rowflow.annotation.JoinTable;
import io.rowflow.annotation.ManyToMany;
import io.rowflow.annotation.ManyToOne;
import io.rowflow.annotation.OneToMany;
import io.rowflow.annotation.OneToOne;
import io.rowflow.annotation.Table;
import io.rowflow.annotation.Transient;
import io.rowflow.annotation.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * Reports, as compile errors on the offending element, the mistakes in an entity's mapping
 * annotations that core's model builder rejects with a {@code MappingException} (and the
 * {@code mappedBy} mistakes relationship loading rejects with a {@code QueryException}), with the
 * same message. It follows the builder's walk over properties, embedded value objects, keys and
 * relationships, and reports only what is decided by the source alone: a rule that depends on
 * what is registered on the {@code Database} (converters, the naming strategy, code mappings) is
 * checked only where no registration can change the outcome. {@code MappingChecksParityTest}
 * keeps each rule and its runtime twin in step.
 */
final class MappingChecks {

    /** The processor option that turns the checks off: {@code -Arowflow.checks=off}. */
    static final String OPTION = "rowflow.checks";

    private static final Pattern TYPE_NAME = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?( [A-Za-z_][A-Za-z0-9_]*)*(\\([0-9]+(, ?[0-9]+)?\\))?(\\[])*");
    private static final Set<String> VERSION_TYPES = Set.of("int", "long", "java.lang.Integer", "java.lang.Long");
    private static final String REF = "io.rowflow.Ref";
    private static final Set<String> COLLECTIONS = Set.of("java.util.List", "java.util.Set", "java.util.Collection");

    /** Appended to a warning: what the runtime's verdict depends on. */
    static final String LIKELY = "\n  (a warning: Rowflow rejects this at run time with the default snake_case naming "
            + "strategy, no Converter and no code mapping registered for these types, and classes compiled with -parameters)";

    private final Elements elements;
    private final Types types;
    private final RuntimeNames names;
    private final boolean defaults;
    private final List<Problem> problems = new ArrayList<>();
    /** Whether a property could not be judged (a type javac could not resolve yet), so the key is not known. */
    private boolean undecided;

    /**
     * Checks that report what the runtime certainly rejects or, with {@code defaults}, what it
     * rejects when the {@code Database} is configured by default (snake_case naming, no converters
     * or code mappings) and classes keep their parameter names.
     */
    private MappingChecks(ProcessingEnvironment environment, boolean defaults) {
        this.elements = environment.getElementUtils();
        this.types = environment.getTypeUtils();
        this.names = new RuntimeNames(elements, types);
        this.defaults = defaults;
    }

    /** A problem found: the runtime's message and the element to report it on. */
    record Problem(Element element, String message) {
    }

    /**
     * Checks one {@code @Table} class as {@code -Arowflow.checks} asks: {@code on} (the default)
     * reports what the runtime certainly rejects as errors and what it rejects by default as
     * warnings, {@code errors} only the errors, {@code off} nothing.
     */
    static void report(ProcessingEnvironment environment, TypeElement entity) {
        String option = environment.getOptions().getOrDefault(OPTION, "on").toLowerCase(java.util.Locale.ROOT);
        if (option.equals("off") || option.equals("false")) {
            return;
        }
        Messager messager = environment.getMessager();
        Set<String> reported = new java.util.HashSet<>();
        for (Problem problem : new MappingChecks(environment, false).safeCheck(entity)) {
            messager.printMessage(Diagnostic.Kind.ERROR, problem.message(), problem.element());
            reported.add(problem.message());
        }
        if (option.equals("errors")) {
            return;
        }
        for (Problem problem : new MappingChecks(environment, true).safeCheck(entity)) {
            if (reported.add(problem.message())) {
                messager.printMessage(Diagnostic.Kind.WARNING, problem.message() + LIKELY, problem.element());
            }
        }
    }

    /** The problems found, or none when the checks meet something they were not written for: never break a build. */
    private List<Problem> safeCheck(TypeElement entity) {
        try {
            return check(entity);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** Checks one {@code @Table} class; the problems found. */
    List<Problem> check(TypeElement entity) {
        String owner = names.of(entity);
        Build build = new Build(owner);
        run(() -> tableNames(entity, owner));
        if (run(() -> composite(entity, "", ColumnName.empty(), build, true))) {
            run(() -> key(entity, build));
            for (Element relation : build.manyToMany) {
                run(() -> linkTable(relation, build));
            }
        }
        return List.copyOf(problems);
    }

    /** Runs one check, reporting its rejection; whether it passed. */
    private boolean run(Runnable check) {
        try {
            check.run();
            return true;
        } catch (Rejection rejection) {
            problems.add(new Problem(rejection.element, rejection.getMessage()));
            return false;
        } catch (Undecided undecided) {
            this.undecided = true;
            return true;
        }
    }

    private void tableNames(TypeElement entity, String owner) {
        Table table = entity.getAnnotation(Table.class);
        if (!table.name().isEmpty()) {
            identifier(ColumnName.empty().then(table.name()), owner, "table name", entity);
        }
        if (!table.schema().isEmpty()) {
            identifier(ColumnName.empty().then(table.schema()), owner, "schema name", entity);
        }
    }

    // ---- classes and their properties ----

    private void composite(TypeElement type, String pathPrefix, ColumnName columnPrefix, Build build, boolean root) {
        String name = names.of(type);
        if (type.getKind() == ElementKind.INTERFACE || type.getModifiers().contains(Modifier.ABSTRACT)) {
            throw new Rejection(type, name + " cannot be mapped: it must be a concrete class or a record");
        }
        boolean record = type.getKind() == ElementKind.RECORD;
        List<Source> sources = record ? recordProperties(type) : fieldProperties(type);
        if (sources.isEmpty()) {
            throw new Rejection(type, name + " has no mapped properties");
        }
        boolean[] mutable = {false};
        if (!record) {
            if (root) {
                run(() -> mutable[0] = classConstructor(type, sources));
            } else {
                mutable[0] = classConstructor(type, sources);
            }
        }
        for (Source source : sources) {
            if (root) {
                run(() -> property(type, source, pathPrefix, columnPrefix, build, true, mutable[0]));
            } else {
                property(type, source, pathPrefix, columnPrefix, build, false, mutable[0]);
            }
        }
    }

    private void property(TypeElement owner, Source source, String pathPrefix, ColumnName columnPrefix, Build build,
                          boolean root, boolean mutable) {
        String where = names.of(owner) + "." + source.name;
        Element element = source.element;
        requireResolved(source.type);
        boolean id = element.getAnnotation(Id.class) != null;
        boolean version = element.getAnnotation(Version.class) != null;
        if (!root && (id || version)) {
            throw new Rejection(element, where + " is inside an @Embedded value object and cannot be @Id or @Version");
        }
        if (mutable && !hasSetter(owner, source)) {
            throw new Rejection(element, where + " is final and has no setter; make it non-final, add a setter, "
                    + "or give " + owner.getSimpleName() + " an @EntityConstructor");
        }
        if (isRelation(element)) {
            if (!root) {
                throw new Rejection(element, where + " is a relationship inside an @Embedded value object; "
                        + "relationships belong on the entity itself");
            }
            relation(source, where, build);
            return;
        }
        Embedded embedded = element.getAnnotation(Embedded.class);
        TypeMirror type = types.erasure(source.type);
        if (id && embedded == null && !isSingleValue(type)) {
            if (defaults) {
                keyValueObject(where, source, ColumnName.empty(), build);
            } else {
                build.keyUncertain = true;   // a value object, unless a Converter stores it in one column
            }
            return;
        }
        if (embedded != null) {
            if (version) {
                throw new Rejection(element, where + " cannot be both @Embedded and @Version");
            }
            ColumnName prefix = Embedded.DEFAULT_PREFIX.equals(embedded.prefix())
                    ? columnPrefix.thenDerived(source.name, defaults).then("_") : columnPrefix.then(embedded.prefix());
            if (id) {
                keyValueObject(where, source, prefix, build);
            } else {
                embedded(where, source, pathPrefix + source.name + ".", prefix, build, "is @Embedded");
            }
            return;
        }
        column(owner, source, pathPrefix, columnPrefix, build, id, version);
    }

    private void keyValueObject(String where, Source source, ColumnName prefix, Build build) {
        if (build.keyObject != null) {
            throw new Rejection(source.element, where + " is a second @Id value object; " + build.owner
                    + " already has " + build.keyObject);
        }
        int first = build.columns.size();
        build.inKey = true;
        try {
            embedded(where, source, source.name + ".", prefix, build, "is an @Id value object");
        } finally {
            build.inKey = false;
        }
        build.keyObject = source.name;
        build.keyObjectElement = source.element;
        build.keyObjectType = names.of(types.erasure(source.type));
        build.keyObjectColumns = List.copyOf(build.columns.subList(first, build.columns.size()));
    }

    private void embedded(String where, Source source, String pathPrefix, ColumnName prefix, Build build,
                          String role) {
        TypeMirror type = types.erasure(source.type);
        if (isStoredInOneColumn(type)) {
            throw new Rejection(source.element, where + " is @Embedded, but " + names.of(type)
                    + " is a single value stored in one column, not a value object; remove @Embedded");
        }
        try {
            if (!(type instanceof DeclaredType declared)) {
                throw new Rejection(source.element, names.of(type)
                        + " cannot be mapped: it must be a concrete class or a record");
            }
            composite((TypeElement) declared.asElement(), pathPrefix, prefix, build, false);
        } catch (Rejection e) {
            if (e.getMessage().startsWith(where)) {
                throw new Rejection(source.element, e.getMessage());
            }
            throw new Rejection(source.element, where + " " + role + ", but " + e.getMessage());
        }
    }

    private void column(TypeElement owner, Source source, String pathPrefix, ColumnName columnPrefix, Build build,
                        boolean id, boolean version) {
        String where = names.of(owner) + "." + source.name;
        Element element = source.element;
        Enumerated enumerated = element.getAnnotation(Enumerated.class);
        if (enumerated == null || enumerated.value() == EnumType.NAME) {
            TypeElement enumType = storedEnum(source.type);
            if (enumType != null) {
                enumLabels(enumType, element);
            }
        }
        if (version && build.columns.stream().anyMatch(Mapped::version)) {
            throw new Rejection(element, build.owner + " has more than one @Version property (" + source.name + ")");
        }
        TypeMirror erased = types.erasure(source.type);
        if (version && !VERSION_TYPES.contains(names.of(erased))) {
            throw new Rejection(element, where + " is @Version but has type " + names.of(erased)
                    + "; use int, long, Integer or Long");
        }
        io.rowflow.annotation.Column annotation = element.getAnnotation(io.rowflow.annotation.Column.class);
        ColumnName name = annotation == null || annotation.name().isEmpty() ? columnPrefix.thenDerived(source.name, defaults)
                : columnPrefix.then(annotation.name());
        identifier(name, where, "column name", element);
        for (Mapped existing : build.columns) {
            if (existing.name.sameAs(name)) {
                String hint = existing.relation ? " (a property sharing a column with a relationship's foreign key "
                        + "must be declared before the relationship)" : "";
                throw new Rejection(element, build.owner + " maps column '" + name + "' twice: from "
                        + existing.path + " and from " + pathPrefix + source.name + hint);
            }
        }
        if (annotation != null && !annotation.type().isEmpty() && !TYPE_NAME.matcher(annotation.type().trim()).matches()) {
            throw new Rejection(element, build.owner + "." + pathPrefix + source.name + ": '" + annotation.type()
                    + "' is not a valid database type name for @Column(type = ...) (a name such as mpaa_rating, "
                    + "schema.name or double precision, optionally followed by (n) and [])");
        }
        Mapped column = new Mapped(name, pathPrefix + source.name, erased, false, version,
                element.getAnnotation(GeneratedValue.class) != null);
        build.columns.add(column);
        if (id || build.inKey) {
            build.idColumns.add(column);
        }
    }

    /** The enum a property stores by name (arrays and lists of enums are stored as the dialect decides). */
    private static @Nullable TypeElement storedEnum(TypeMirror type) {
        return type instanceof DeclaredType declared && declared.asElement().getKind() == ElementKind.ENUM
                ? (TypeElement) declared.asElement() : null;
    }

    /** Two constants of an enum stored as the same text cannot be read back. */
    private void enumLabels(TypeElement type, Element property) {
        Map<String, String> constants = new HashMap<>();
        String name = names.of(type);
        for (Element constant : type.getEnclosedElements()) {
            if (constant.getKind() != ElementKind.ENUM_CONSTANT) {
                continue;
            }
            EnumLabel annotation = constant.getAnnotation(EnumLabel.class);
            String label = annotation == null ? constant.getSimpleName().toString() : annotation.value();
            String clash = constants.putIfAbsent(label, constant.getSimpleName().toString());
            if (clash != null) {
                throw new Rejection(property, name + "." + constant.getSimpleName() + " and " + name + "." + clash
                        + " are both stored as '" + label + "'; give them different @EnumLabels");
            }
        }
    }

    // ---- the key ----

    private void key(TypeElement entity, Build build) {
        String name = names.of(entity);
        if (undecided) {
            return;
        }
        unmappedKey(entity, name);
        if (build.idColumns.isEmpty() && !build.keyUncertain) {
            throw new Rejection(entity, name + " has no @Id property; every entity needs a key: one @Id "
                    + "property, one @Id value object (a record of the key columns) or several @Id properties");
        }
        if (build.keyObject == null || build.keyUncertain) {
            return;
        }
        List<String> others = build.idColumns.stream().filter(c -> !build.keyObjectColumns.contains(c))
                .map(c -> c.path).toList();
        if (!others.isEmpty()) {
            throw new Rejection(build.keyObjectElement, name + " has the @Id value object " + build.keyObject
                    + " and also the @Id properties " + others + "; a key is either one @Id value object "
                    + "or several @Id properties, not both");
        }
        if (build.keyObjectColumns.size() < 2) {
            throw new Rejection(build.keyObjectElement, name + "." + build.keyObject + " is an @Id value object of one "
                    + "column; map that column as the @Id property itself, or register a Converter for "
                    + build.keyObjectType);
        }
    }

    /** A link table holds one column per side, so both sides of a many-to-many need one-column keys. */
    private void linkTable(Element relation, Build build) {
        String where = build.owner + "." + relation.getSimpleName();
        if (!build.keyUncertain && !undecided && build.idColumns.size() > 1) {
            throw new Rejection(relation, where + " is a @ManyToMany, but " + build.owner + " has a composite key ("
                    + String.join(", ", build.idColumns.stream().map(c -> c.name.toString()).toList())
                    + "); a link table has one column per side, so map the link table as an entity with "
                    + "@ManyToOne properties instead");
        }
        TypeElement target = entityTarget(relation);
        KeyShape shape = target == null ? null : keyShape(target, where, relation);
        if (shape != null && shape.parts.size() > 1) {
            throw new Rejection(relation, where + " is a @ManyToMany, but " + names.of(target)
                    + " has a composite key of " + shape.parts.size() + " columns; a link table has one column per "
                    + "side, so map the link table as an entity with @ManyToOne properties instead");
        }
    }

    // ---- relationships ----

    private static boolean isRelation(Element element) {
        return element.getAnnotation(ManyToOne.class) != null || element.getAnnotation(OneToOne.class) != null
                || element.getAnnotation(OneToMany.class) != null || element.getAnnotation(ManyToMany.class) != null;
    }

    private void relation(Source source, String where, Build build) {
        Element element = source.element;
        ManyToOne manyToOne = element.getAnnotation(ManyToOne.class);
        OneToOne oneToOne = element.getAnnotation(OneToOne.class);
        OneToMany oneToMany = element.getAnnotation(OneToMany.class);
        ManyToMany manyToMany = element.getAnnotation(ManyToMany.class);
        int count = (manyToOne != null ? 1 : 0) + (oneToOne != null ? 1 : 0) + (oneToMany != null ? 1 : 0)
                + (manyToMany != null ? 1 : 0);
        if (count > 1) {
            throw new Rejection(element, where + " has more than one relationship annotation");
        }
        JoinTable joinTable = element.getAnnotation(JoinTable.class);
        if (manyToMany != null && manyToMany.mappedBy().isEmpty() && joinTable == null) {
            throw new Rejection(element, where + " is the owning side of a @ManyToMany and needs a @JoinTable "
                    + "(or mappedBy, on the inverse side)");
        }
        boolean toOne = manyToOne != null || oneToOne != null;
        TypeElement target = targetType(source, where, toOne);
        if (target.getAnnotation(Table.class) == null) {
            if (defaults) {
                throw new Rejection(element, where + " relates to " + names.of(target)
                        + ", which is not an entity: annotate it with @Table");
            }
            return;   // a code mapping may describe it as an entity
        }
        if (manyToOne != null || oneToOne != null && oneToOne.mappedBy().isEmpty()) {
            foreignKey(source, where, target, build);
        }
        if (manyToMany != null) {
            if (joinTable != null && manyToMany.mappedBy().isEmpty()) {
                identifier(ColumnName.empty().then(joinTable.name()), where, "join table name", element);
                identifier(ColumnName.empty().then(joinTable.joinColumn().name()), where, "join column name", element);
                identifier(ColumnName.empty().then(joinTable.inverseJoinColumn().name()), where, "inverse join column name", element);
            } else {
                owningManyToMany(where, manyToMany.mappedBy(), target, element);
            }
            build.manyToMany.add(element);
        }
        if (oneToMany != null) {
            backReference(where, oneToMany.mappedBy(), target, build.owner, element);
        }
        if (oneToOne != null && !oneToOne.mappedBy().isEmpty()) {
            backReference(where, oneToOne.mappedBy(), target, build.owner, element);
        }
    }

    /** The target entity: {@code T} of a {@code Ref<T>}, {@code List<T>}, {@code Set<T>} or {@code Collection<T>}. */
    private TypeElement targetType(Source source, String where, boolean toOne) {
        TypeMirror erased = types.erasure(source.type);
        String name = names.of(erased);
        if (toOne && !name.equals(REF)) {
            throw new Rejection(source.element, where + " is a to-one relationship and must have type Ref<Target>, not "
                    + name + " (a Ref keeps the foreign key even when the target is not loaded)");
        }
        if (!toOne && !COLLECTIONS.contains(name)) {
            throw new Rejection(source.element, where + " is a to-many relationship and must be a List<Target> or "
                    + "Set<Target>, not " + name);
        }
        if (source.type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1
                && declared.getTypeArguments().get(0) instanceof DeclaredType argument
                && argument.getTypeArguments().isEmpty()) {
            return (TypeElement) argument.asElement();
        }
        throw new Rejection(source.element, where + " must name its target entity as a type argument, such as "
                + (toOne ? "Ref<Author>" : "List<Book>"));
    }

    private @Nullable TypeElement entityTarget(Element relation) {
        TypeMirror type = relation.asType();
        if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1
                && declared.getTypeArguments().get(0) instanceof DeclaredType argument) {
            TypeElement target = (TypeElement) argument.asElement();
            return target.getAnnotation(Table.class) != null ? target : null;
        }
        return null;
    }

    /** The foreign-key columns of an owning to-one relationship, as the builder names and shares them. */
    private void foreignKey(Source source, String where, TypeElement target, Build build) {
        Element element = source.element;
        KeyShape shape = keyShape(target, where, element);
        List<String> joinColumns = List.of(element.getAnnotationsByType(JoinColumn.class)).stream().map(JoinColumn::name).toList();
        if (shape != null && !joinColumns.isEmpty() && joinColumns.size() != shape.parts.size()) {
            throw new Rejection(element, where + " has " + joinColumns.size() + " @JoinColumn, but the key of "
                    + names.of(target) + " has " + shape.parts.size() + " columns "
                    + shape.parts.stream().map(p -> p.name).toList() + "; give one @JoinColumn per key column, in that order");
        }
        int count = shape != null ? shape.parts.size() : joinColumns.size();
        for (int i = 0; i < count; i++) {
            KeyPart part = shape == null ? null : shape.parts.get(i);
            ColumnName name;
            if (!joinColumns.isEmpty()) {
                name = ColumnName.empty().then(joinColumns.get(i));
            } else {
                ColumnName prefix = ColumnName.empty().thenDerived(source.name, defaults).then("_");
                name = count == 1 ? prefix.then("id") : prefix.thenDerived(part.name, defaults);
            }
            String path = count == 1 ? source.name : source.name + "." + (part == null ? "?" : part.name);
            identifier(name, where, "join column name", element);
            Mapped shared = null;
            for (Mapped existing : build.columns) {
                if (existing.name.sameAs(name) && !existing.relation && !existing.version && !existing.generated) {
                    shared = existing;
                    break;
                }
            }
            if (shared != null) {
                if (part != null && !types.isSameType(wrapped(shared.type), wrapped(part.type))) {
                    throw new Rejection(element, where + " shares column '" + name + "' with " + build.owner + "."
                            + shared.path + ", but the key it references is a " + names.of(part.type) + ", not a "
                            + names.of(shared.type));
                }
                continue;
            }
            for (Mapped existing : build.columns) {
                if (existing.name.sameAs(name)) {
                    throw new Rejection(element, build.owner + " maps column '" + name + "' twice: from "
                            + existing.path + " and from " + path);
                }
            }
            if (part == null) {
                continue;   // its type, and so whether it may share a column, is not known
            }
            build.columns.add(new Mapped(name, path, part.type, true, false, false));
        }
    }

    /**
     * The key of a target entity as the builder reads it: several {@code @Id} properties, or one of
     * a type that is certainly stored in one column; {@code null} when a converter decides it.
     */
    private @Nullable KeyShape keyShape(TypeElement target, String where, Element element) {
        List<KeyPart> ids = new ArrayList<>();
        for (Source property : target.getKind() == ElementKind.RECORD ? components(target) : mappableFields(target)) {
            if (property.element.getAnnotation(Id.class) != null) {
                requireResolved(property.type);
                ids.add(new KeyPart(property.name, types.erasure(property.type)));
            }
        }
        if (ids.isEmpty()) {
            throw new Rejection(element, where + " relates to " + names.of(target) + ", which has no @Id property");
        }
        if (ids.size() > 1 || isSingleValue(ids.get(0).type)) {
            return new KeyShape(ids);
        }
        if (defaults && ids.get(0).type instanceof DeclaredType declared) {
            TypeElement key = (TypeElement) declared.asElement();
            List<Source> properties = key.getKind() == ElementKind.RECORD ? components(key) : fieldProperties(key);
            return new KeyShape(properties.stream().map(p -> new KeyPart(p.name, types.erasure(p.type))).toList());
        }
        return null;
    }

    /** The inverse of a to-many or to-one needs the target's owning to-one of that name referencing the owner. */
    private void backReference(String where, String mappedBy, TypeElement target, String owner, Element element) {
        for (Source property : properties(target)) {
            if (!property.name.equals(mappedBy)) {
                continue;
            }
            Element candidate = property.element;
            OneToOne oneToOne = candidate.getAnnotation(OneToOne.class);
            boolean owning = candidate.getAnnotation(ManyToOne.class) != null
                    || oneToOne != null && oneToOne.mappedBy().isEmpty();
            if (!owning) {
                break;
            }
            TypeElement referenced = entityTargetOf(property.type);
            if (referenced == null || names.of(referenced).equals(owner)) {
                return;   // referenced == null: a broken type, reported on the target itself
            }
        }
        throw new Rejection(element, where + " is mappedBy \"" + mappedBy + "\", but " + names.of(target)
                + " has no @ManyToOne/@OneToOne property of that name referencing " + owner);
    }

    private void owningManyToMany(String where, String mappedBy, TypeElement target, Element element) {
        for (Source property : properties(target)) {
            ManyToMany manyToMany = property.element.getAnnotation(ManyToMany.class);
            if (property.name.equals(mappedBy) && manyToMany != null && manyToMany.mappedBy().isEmpty()) {
                return;
            }
        }
        throw new Rejection(element, where + " is mappedBy \"" + mappedBy + "\", but " + names.of(target)
                + " has no owning @ManyToMany property of that name");
    }

    private static @Nullable TypeElement entityTargetOf(TypeMirror type) {
        if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1
                && declared.getTypeArguments().get(0) instanceof DeclaredType argument) {
            return (TypeElement) argument.asElement();
        }
        return null;
    }

    // ---- constructors ----

    /** Whether the class is filled through setters (a no-argument constructor and no {@code @EntityConstructor}). */
    private boolean classConstructor(TypeElement type, List<Source> sources) {
        String name = names.of(type);
        if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            throw new Rejection(type, name + " is an inner class; make it static so Rowflow can create it");
        }
        if (generatesMembers(type)) {
            return false;   // Lombok adds constructors and setters the model does not show yet
        }
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        ExecutableElement annotated = null;
        ExecutableElement noArgs = null;
        for (ExecutableElement constructor : constructors) {
            if (constructor.getAnnotation(EntityConstructor.class) != null) {
                annotated = constructor;
            }
            if (constructor.getParameters().isEmpty()) {
                noArgs = constructor;
            }
        }
        if (annotated == null && noArgs != null) {
            return true;
        }
        ExecutableElement chosen = annotated != null ? annotated : constructors.size() == 1 ? constructors.get(0) : null;
        if (chosen == null) {
            throw new Rejection(type, name + " has no usable constructor: add a no-argument constructor "
                    + "(mutable entity) or mark one constructor taking the mapped fields (" + describe(sources)
                    + ") @EntityConstructor");
        }
        List<? extends VariableElement> parameters = chosen.getParameters();
        boolean matches = parameters.size() == sources.size();
        for (int i = 0; matches && i < parameters.size(); i++) {
            matches = types.isSameType(types.erasure(parameters.get(i).asType()), types.erasure(sources.get(i).type));
        }
        if (!matches) {
            throw new Rejection(chosen, name + ": constructor " + names.of(type, chosen)
                    + " must take the mapped fields in declaration order: (" + describe(sources) + ")");
        }
        for (int i = 0; defaults && i < parameters.size(); i++) {
            String parameter = parameters.get(i).getSimpleName().toString();
            if (!parameter.equals(sources.get(i).name) && !parameter.matches("arg[0-9]+")) {
                throw new Rejection(parameters.get(i), name + ": constructor parameter '" + parameter
                        + "' is in the position of field '" + sources.get(i).name + "'; keep them in field order");
            }
        }
        return false;
    }

    private String describe(List<Source> sources) {
        return String.join(", ", sources.stream().map(s -> names.simpleName(types.erasure(s.type)) + " " + s.name).toList());
    }

    private boolean hasSetter(TypeElement owner, Source source) {
        if (!source.element.getModifiers().contains(Modifier.FINAL)) {
            return true;
        }
        String setter = "set" + Character.toUpperCase(source.name.charAt(0)) + source.name.substring(1);
        for (TypeElement type = owner; type != null; type = superclass(type)) {
            for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
                if (method.getSimpleName().contentEquals(setter) && !method.getModifiers().contains(Modifier.STATIC)
                        && method.getParameters().size() == 1 && types.isSameType(
                        types.erasure(method.getParameters().get(0).asType()), types.erasure(source.type))) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- discovering properties, as the builder does ----

    private List<Source> properties(TypeElement type) {
        return type.getKind() == ElementKind.RECORD ? components(type)
                : mappableFields(type).stream().filter(s -> s.element.getAnnotation(Transient.class) == null).toList();
    }

    private List<Source> recordProperties(TypeElement type) {
        for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
            if (!field.getModifiers().contains(Modifier.STATIC) && field.getAnnotation(Transient.class) != null) {
                throw new Rejection(field, names.of(type) + "." + field.getSimpleName()
                        + " is @Transient, but a record component cannot be skipped: its canonical constructor needs it");
            }
        }
        return components(type);
    }

    private static List<Source> components(TypeElement type) {
        List<Source> sources = new ArrayList<>();
        for (RecordComponentElement component : type.getRecordComponents()) {
            sources.add(new Source(component.getSimpleName().toString(), component, component.asType()));
        }
        return sources;
    }

    private List<Source> fieldProperties(TypeElement type) {
        return mappableFields(type).stream().filter(s -> s.element.getAnnotation(Transient.class) == null).toList();
    }

    /** An {@code @Id} on a field that is not mapped ({@code @Transient}, or {@code transient}) is named as such. */
    private void unmappedKey(TypeElement entity, String name) {
        if (entity.getKind() == ElementKind.RECORD) {
            return;
        }
        for (TypeElement current = entity; current != null; current = superclass(current)) {
            for (VariableElement field : ElementFilter.fieldsIn(current.getEnclosedElements())) {
                boolean unmapped = field.getModifiers().contains(Modifier.TRANSIENT) || field.getAnnotation(Transient.class) != null;
                if (unmapped && !field.getModifiers().contains(Modifier.STATIC) && field.getAnnotation(Id.class) != null) {
                    throw new Rejection(field, name + "." + field.getSimpleName() + " is @Id but not mapped "
                            + "(@Transient, or a transient field); a key must be a mapped property");
                }
            }
        }
    }

    /** The fields of a class and its superclasses, superclass first, that may be properties. */
    private List<Source> mappableFields(TypeElement type) {
        List<TypeElement> hierarchy = new ArrayList<>();
        for (TypeElement current = type; current != null; current = superclass(current)) {
            hierarchy.add(0, current);
        }
        List<Source> sources = new ArrayList<>();
        for (TypeElement declaring : hierarchy) {
            for (VariableElement field : ElementFilter.fieldsIn(declaring.getEnclosedElements())) {
                Set<Modifier> modifiers = field.getModifiers();
                if (!modifiers.contains(Modifier.STATIC) && !modifiers.contains(Modifier.TRANSIENT)) {
                    sources.add(new Source(field.getSimpleName().toString(), field, field.asType()));
                }
            }
        }
        return sources;
    }

    private static @Nullable TypeElement superclass(TypeElement type) {
        TypeMirror superclass = type.getSuperclass();
        if (superclass.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) superclass).asElement();
        return element.getQualifiedName().contentEquals("java.lang.Object") ? null : element;
    }

    private static boolean generatesMembers(TypeElement type) {
        List<Element> annotated = new ArrayList<>(type.getEnclosedElements());
        annotated.add(type);
        return annotated.stream().flatMap(e -> e.getAnnotationMirrors().stream())
                .anyMatch(a -> a.getAnnotationType().toString().startsWith("lombok."));
    }

    // ---- types and names ----

    /** Stops judging a property whose type javac has not resolved (a class another processor is still to generate). */
    private static void requireResolved(TypeMirror type) {
        if (type.getKind() == TypeKind.ERROR) {
            throw new Undecided();
        }
        if (type instanceof DeclaredType declared) {
            declared.getTypeArguments().forEach(MappingChecks::requireResolved);
        } else if (type instanceof ArrayType array) {
            requireResolved(array.getComponentType());
        }
    }

    /** Whether a type is certainly not a value object: primitives, enums, arrays, interfaces and JDK types. */
    private boolean isSingleValue(TypeMirror type) {
        if (type.getKind().isPrimitive() || type.getKind() == TypeKind.ARRAY) {
            return true;
        }
        if (!(type instanceof DeclaredType declared)) {
            return false;
        }
        Element element = declared.asElement();
        return element.getKind() == ElementKind.ENUM || element.getKind() == ElementKind.INTERFACE
                || elements.getPackageOf(element).getQualifiedName().toString().startsWith("java.");
    }

    /** The types the builder refuses to embed without asking a converter: primitives, enums and java.lang types. */
    private boolean isStoredInOneColumn(TypeMirror type) {
        TypeMirror component = type;
        while (component instanceof ArrayType array) {
            component = array.getComponentType();
        }
        if (component.getKind().isPrimitive()) {
            return true;
        }
        if (!(component instanceof DeclaredType declared)) {
            return false;
        }
        Element element = declared.asElement();
        return type == component && element.getKind() == ElementKind.ENUM
                || elements.getPackageOf(element).getQualifiedName().contentEquals("java.lang");
    }

    private TypeMirror wrapped(TypeMirror type) {
        return type.getKind().isPrimitive() ? types.boxedClass(types.getPrimitiveType(type.getKind())).asType() : type;
    }

    /** Fails when a name certainly is no valid identifier, whatever the naming strategy derives. */
    private static void identifier(ColumnName name, String where, String what, Element element) {
        if (name.certainlyInvalid()) {
            throw new Rejection(element, where + ": '" + name + "' is not a valid " + what
                    + " (letters, digits, _ and $, not starting with a digit)");
        }
    }

    /** A property of a class or record: its name, the element declaring it and its type. */
    private record Source(String name, Element element, TypeMirror type) {
    }

    /** A column mapped so far: its name (literal and derived parts), property path and Java type. */
    private record Mapped(ColumnName name, String path, TypeMirror type, boolean relation, boolean version,
                          boolean generated) {
    }

    private record KeyPart(String name, TypeMirror type) {
    }

    private record KeyShape(List<KeyPart> parts) {
    }

    /** What the walk over one entity has seen so far. */
    private static final class Build {
        final String owner;
        final List<Mapped> columns = new ArrayList<>();
        final List<Mapped> idColumns = new ArrayList<>();
        final List<Element> manyToMany = new ArrayList<>();
        boolean inKey;
        /** An {@code @Id} property that is a value object unless a converter stores it in one column. */
        boolean keyUncertain;
        @Nullable String keyObject;
        @Nullable Element keyObjectElement;
        @Nullable String keyObjectType;
        List<Mapped> keyObjectColumns = List.of();

        Build(String owner) {
            this.owner = owner;
        }
    }

    /** A property the checks cannot judge from the source as it stands. */
    private static final class Undecided extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Undecided() {
            super(null, null, false, false);
        }
    }

    /** A mapping the builder rejects: the message and the element to report it on. */
    private static final class Rejection extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Element element;

        Rejection(Element element, String message) {
            super(message, null, false, false);
            this.element = element;
        }
    }
}
