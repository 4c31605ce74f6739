package cn.lantian.stationary.monitoring;

/** Writing JSON strings by hand for batch statements, where building a tree per row would cost too much. */
final class Json {

    private Json() {}

    /** Appends the value as a quoted JSON string, or null. */
    static void string(StringBuilder b, String value) {
        if (value == null) {
            b.append("null");
            return;
        }
        b.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
