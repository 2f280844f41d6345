package dev.guildhall.store;

import dev.guildhall.core.ChannelId;
import dev.guildhall.core.MessageRef;
import dev.guildhall.core.PersonId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.argument.NullArgument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMappers;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.mapper.reflect.CaseInsensitiveColumnNameMatcher;
import org.jdbi.v3.core.mapper.reflect.ColumnNameMatcher;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.mapper.reflect.ReflectionMappers;
import org.jdbi.v3.core.mapper.reflect.SnakeCaseColumnNameMatcher;

import java.sql.Types;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How the core's values sit in a column, both ways, so queries bind and map them directly: ids and zones as their
 * text, dates and times of day as ISO text ({@code 2026-03-04}, {@code 10:00}), instants as epoch milliseconds (the
 * same SQL then serves SQLite and PostgreSQL). A null column maps to null, and to {@code Optional.empty()} where a
 * record asks for an {@code Optional}. A row maps to a record by its components' names ({@code createdAt} takes
 * {@code created_at}, and a component named for what a column refers to takes it: {@code learner} takes
 * {@code learner_id}), unless the record is itself a column value.
 */
final class StoredValues {
    private static final Map<Class<?>, RowMapper<?>> RECORDS = new ConcurrentHashMap<>();

    private StoredValues() {
    }

    static void register(Jdbi jdbi) {
        jdbi.registerArgument(new InstantAsEpochMillis());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        asText(jdbi, PersonId.class, PersonId::value, PersonId::new);
        asText(jdbi, ChannelId.class, ChannelId::value, ChannelId::new);
        asText(jdbi, MessageRef.class, MessageRef::value, MessageRef::new);
        asText(jdbi, ZoneId.class, ZoneId::getId, StoredValues::zone);
        asText(jdbi, LocalDate.class, LocalDate::toString, LocalDate::parse);
        asText(jdbi, LocalTime.class, LocalTime::toString, LocalTime::parse);
        jdbi.getConfig(ReflectionMappers.class).setColumnNameMatchers(List.of(new CaseInsensitiveColumnNameMatcher(),
                new SnakeCaseColumnNameMatcher(), new ReferenceColumns()));
        jdbi.registerRowMapper((RowMapperFactory) (type, config) -> {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!raw.isRecord() || config.get(ColumnMappers.class).findFor(type).isPresent()) {
                return Optional.empty();
            }
            return Optional.of(RECORDS.computeIfAbsent(raw, ConstructorMapper::of));
        });
    }

    private static <T> void asText(Jdbi jdbi, Class<T> type, Function<T, String> text, Function<String, T> value) {
        // Matched by assignability: a ZoneId binds as its ZoneRegion or ZoneOffset.
        jdbi.registerArgument((ArgumentFactory) (argumentType, argument, config) ->
                type.isAssignableFrom(GenericTypes.getErasedType(argumentType))
                        ? Optional.of(argument == null ? new NullArgument(Types.VARCHAR) : (Argument) (position,
                                statement, ctx) -> statement.setString(position, text.apply(type.cast(argument))))
                        : Optional.empty());
        jdbi.registerColumnMapper(type, (ColumnMapper<T>) (rs, column, ctx) -> {
            String stored = rs.getString(column);
            return stored == null ? null : value.apply(stored);
        });
    }

    /** A zone the JDK no longer knows (or a blank) reads as none, as people's settings always have. */
    private static ZoneId zone(String id) {
        try {
            return id.isBlank() ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code learner_id} for a component {@code learner}: the record holds the id as the value it refers to. */
    private static final class ReferenceColumns implements ColumnNameMatcher {
        private static final String SUFFIX = "_id";
        private final ColumnNameMatcher snakeCase = new SnakeCaseColumnNameMatcher();

        @Override
        public boolean columnNameMatches(String columnName, String javaName) {
            return columnName.toLowerCase(Locale.ROOT).endsWith(SUFFIX) && snakeCase.columnNameMatches(
                    columnName.substring(0, columnName.length() - SUFFIX.length()), javaName);
        }
    }

    private static final class InstantAsEpochMillis extends AbstractArgumentFactory<Instant> {
        InstantAsEpochMillis() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setLong(position, value.toEpochMilli());
        }
    }
}
