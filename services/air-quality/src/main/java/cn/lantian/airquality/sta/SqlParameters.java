package cn.lantian.airquality.sta;

import java.util.ArrayList;
import java.util.List;

/** The bind values of one SQL statement being built, and fresh table aliases for its subqueries. */
final class SqlParameters {

    private final List<Object> values = new ArrayList<>();
    private int aliases;

    /** Adds a value and returns its placeholder. */
    String bind(Object value) {
        values.add(value);
        return ":p" + (values.size() - 1);
    }

    /** A table alias not used yet in this statement. */
    String alias() {
        return "t" + aliases++;
    }

    List<Object> values() {
        return values;
    }
}
