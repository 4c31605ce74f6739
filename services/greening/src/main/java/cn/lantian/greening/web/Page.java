package cn.lantian.greening.web;

import cn.lantian.web.InvalidInput;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list ordered by id; pass {@code next} as {@code after} to get the following page.
 *
 * @param next the cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, String next) {

    /** Cuts a list fetched with {@code limit + 1} rows into a page and its cursor. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> id) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, id.apply(items.get(limit - 1)));
    }

    /** Checks a requested page size. */
    public static int limit(Integer limit) {
        int value = limit == null ? 50 : limit;
        if (value < 1 || value > 200) {
            throw InvalidInput.of("limit", "must be between 1 and 200");
        }
        return value;
    }
}
