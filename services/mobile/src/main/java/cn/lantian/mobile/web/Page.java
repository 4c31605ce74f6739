package cn.lantian.mobile.web;

import java.util.List;

/**
 * One page of a list ordered by id; pass {@code next} as {@code after} to get the following page.
 *
 * @param next the cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, String next) {

    /** Cuts a list fetched with {@code limit + 1} rows into a page and its cursor. */
    public static <T> Page<T> of(List<T> fetched, int limit, java.util.function.Function<T, String> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(List.copyOf(items), id.apply(items.get(limit - 1)));
    }
}
