package cn.lantian.enforcement.web;

import cn.lantian.web.InvalidInput;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list; pass {@code next} as {@code after} to get the following page.
 *
 * @param next the cursor of the next page, or null on the last page
 */
public record Page<T>(List<T> items, String next) {

    /** Cuts a list fetched with {@code limit + 1} rows into a page and its cursor. */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> cursor) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, cursor.apply(items.get(limit - 1)));
    }

    /** The page size asked for, checked: 1 to 200, 50 when absent. */
    public static int limit(Integer asked) {
        if (asked == null) {
            return 50;
        }
        if (asked < 1 || asked > 200) {
            throw InvalidInput.of("limit", "must be between 1 and 200");
        }
        return asked;
    }
}
