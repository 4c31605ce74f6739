package cn.lantian.dust.web;

import cn.lantian.web.InvalidInput;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list ordered by id; pass {@code next} as {@code after} to get the following page.
 *
 * @param next the cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, String next) {

    /** Largest page a caller may ask for. */
    public static final int MAX_LIMIT = 500;

    /** Cuts a list fetched with {@code limit + 1} rows into a page and its cursor. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, id.apply(items.get(limit - 1)));
    }

    /** The requested page size, checked. */
    public static int limit(Integer requested) {
        int limit = requested == null ? 100 : requested;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
