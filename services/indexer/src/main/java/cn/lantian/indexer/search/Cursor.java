package cn.lantian.indexer.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page ended, in the sort order (time descending, then id): handed to clients as an opaque string, fed back
 * to Elasticsearch as {@code search_after}, so that paging is stable while new events arrive.
 */
record Cursor(long timeMillis, String id) {

    /** The opaque form. */
    String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((timeMillis + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads an opaque cursor; empty when it is not one this service issued. */
    static Optional<Cursor> decode(String text) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            if (colon <= 0 || colon == plain.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new Cursor(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
