package cn.lantian.airquality.sta;

import cn.lantian.airquality.sta.EntityType.Relation;
import cn.lantian.airquality.sta.ResourcePath.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads STA entities from the views with bounded statements: every set is read a page at a time ({@code limit}), the
 * path's ids become conditions on indexed columns, and each expanded relation is one statement for the whole page
 * (a lateral subquery per parent, so each parent's page is bounded too). Each statement runs in a read-only
 * transaction with a statement timeout, which bounds what no index serves (a $count of every observation, a filter
 * on result alone).
 */
@Repository
class StaReads {

    /** A page of rows: at most {@code top} of them, whether more follow, and the total if it was asked for. */
    record Page(List<Map<String, Object>> rows, boolean more, Long count) {}

    private final DatabaseClient db;
    private final TransactionalOperator readOnly;
    private final String statementTimeout;

    StaReads(DatabaseClient db, ReactiveTransactionManager transactions, SensorThingsProperties limits) {
        this.db = db;
        DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
        definition.setReadOnly(true);
        this.readOnly = TransactionalOperator.create(transactions, definition);
        this.statementTimeout = limits.statementTimeout().toMillis() + "ms";
    }

    /** Whether the entity the path's hop {@code upto} addresses exists (with every hop before it). */
    Mono<Boolean> exists(List<Segment> path, int upto) {
        SqlParameters sql = new SqlParameters();
        String where = pathCondition(path, upto, "e", sql);
        return query("select 1 as one from " + path.get(upto).type().view + " e where " + where + " limit 1", sql)
                .hasElements();
    }

    /** One page of the set the path addresses, filtered and ordered as asked. */
    Mono<Page> page(List<Segment> path, QueryOptions options, int top) {
        EntityType type = path.get(path.size() - 1).type();
        SqlParameters sql = new SqlParameters();
        FilterSql filters = new FilterSql(sql);
        String where = where(path, options, "e", sql, filters);
        String statement = "select e.* from " + type.view + " e where " + where + " order by "
                + filters.orderBy(options.orderBy(), type, "e") + " limit " + sql.bind(top + 1) + " offset "
                + sql.bind(options.skip());
        Mono<List<Map<String, Object>>> rows = query(statement, sql).collectList();
        Mono<Long> count = options.count() ? count(path, options) : Mono.just(-1L);
        return Mono.zip(rows, count).map(t -> {
            List<Map<String, Object>> list = t.getT1();
            boolean more = list.size() > top;
            return new Page(more ? list.subList(0, top) : list, more, t.getT2() < 0 ? null : t.getT2());
        });
    }

    private Mono<Long> count(List<Segment> path, QueryOptions options) {
        SqlParameters sql = new SqlParameters();
        String where = where(path, options, "e", sql, new FilterSql(sql));
        return query("select count(*) as n from " + path.get(path.size() - 1).type().view + " e where " + where, sql)
                .next()
                .map(row -> ((Number) row.get("n")).longValue());
    }

    private static String where(
            List<Segment> path, QueryOptions options, String alias, SqlParameters sql, FilterSql filters) {
        String where = pathCondition(path, path.size() - 1, alias, sql);
        if (options.filter() != null) {
            where = where + " and "
                    + filters.condition(
                            options.filter(), path.get(path.size() - 1).type(), alias);
        }
        return where;
    }

    /**
     * The rows of {@code relation} for each of the parents' keys (the parents' values of the relation's column), at
     * most {@code top} per parent; grouped by key, in the order asked.
     */
    Mono<Map<Object, List<Map<String, Object>>>> related(
            Relation relation, List<Object> keys, QueryOptions options, int top) {
        EntityType type = relation.target();
        LinkedHashSet<Long> distinct = new LinkedHashSet<>();
        keys.forEach(k -> {
            if (k != null) {
                distinct.add(((Number) k).longValue());
            }
        });
        if (distinct.isEmpty()) {
            return Mono.just(Map.of());
        }
        SqlParameters sql = new SqlParameters();
        FilterSql filters = new FilterSql(sql);
        String keyArray = sql.bind(distinct.toArray(new Long[0]));
        String where = "e." + relation.targetColumn() + " = k.key";
        if (options.filter() != null) {
            where = where + " and " + filters.condition(options.filter(), type, "e");
        }
        int limit = relation.many() ? top : 1;
        String statement = "select k.key as sta_parent_key, x.* from unnest(" + keyArray + "::bigint[]) as k(key)"
                + " cross join lateral (select e.* from " + type.view + " e where " + where + " order by "
                + filters.orderBy(options.orderBy(), type, "e") + " limit " + sql.bind(limit) + " offset "
                + sql.bind(relation.many() ? options.skip() : 0) + ") x";
        return query(statement, sql).collectList().map(rows -> {
            Map<Object, List<Map<String, Object>>> grouped = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                Object key = row.remove("sta_parent_key");
                grouped.computeIfAbsent(((Number) key).longValue(), k -> new ArrayList<>())
                        .add(row);
            }
            return grouped;
        });
    }

    /**
     * The condition over {@code alias} that selects what hop {@code upto} of the path addresses: its id, and that it
     * is related to the hop before (an id of the first hop is compared directly, deeper hops through a subquery).
     */
    static String pathCondition(List<Segment> path, int upto, String alias, SqlParameters sql) {
        Segment s = path.get(upto);
        List<String> parts = new ArrayList<>();
        if (s.id() != null) {
            parts.add(s.type().idCondition(alias, s.id(), sql));
        }
        if (upto > 0) {
            Segment parent = path.get(upto - 1);
            Relation r = s.via();
            if (upto == 1 && parent.id() != null && r.column().equals("id")) {
                parts.add(alias + "." + r.targetColumn() + " = " + sql.bind(parent.id()));
            } else {
                String p = sql.alias();
                parts.add(alias + "." + r.targetColumn() + " in (select " + p + "." + r.column() + " from "
                        + parent.type().view + " " + p + " where " + pathCondition(path, upto - 1, p, sql) + ")");
            }
        }
        return parts.isEmpty() ? "true" : String.join(" and ", parts);
    }

    private Flux<Map<String, Object>> query(String statement, SqlParameters sql) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(statement);
        List<Object> values = sql.values();
        for (int i = 0; i < values.size(); i++) {
            spec = spec.bind("p" + i, values.get(i));
        }
        Flux<Map<String, Object>> rows = spec.map((row, meta) -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    meta.getColumnMetadatas().forEach(c -> map.put(c.getName(), row.get(c.getName())));
                    return map;
                })
                .all();
        // A filter no index serves (result gt 1000 over every station's years) is cut off rather than left to scan.
        Mono<Void> timeout = db.sql("select set_config('statement_timeout', :t, true)")
                .bind("t", statementTimeout)
                .then();
        return readOnly.transactional(timeout.thenMany(rows))
                .onErrorMap(DataAccessException.class, StaReads::asQueryError);
    }

    /** A statement PostgreSQL refused for the request's types or values (text compared with a number) is a bad query. */
    private static Throwable asQueryError(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof io.r2dbc.spi.R2dbcException r && "57014".equals(r.getSqlState())) {
            return new QueryException("the query took longer than the service allows ("
                    + "lantian.sta.statement-timeout); narrow it, e.g. by Datastream and phenomenonTime");
        }
        if (cause instanceof io.r2dbc.spi.R2dbcException r
                && r.getSqlState() != null
                && (r.getSqlState().startsWith("22") || r.getSqlState().startsWith("42"))) {
            return new QueryException("the $filter or $orderby does not fit the properties' types");
        }
        return e;
    }
}
