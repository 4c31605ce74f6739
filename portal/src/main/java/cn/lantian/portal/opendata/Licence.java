package cn.lantian.portal.opendata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open-data licence and attributions, read from {@code data/licence.json}.
 *
 * @param mapUrl licence of the boundaries (OpenStreetMap, ODbL), which applies to what is drawn from them
 */
public record Licence(
        String id, String name, String url, String attribution, String mapId, String mapUrl, String mapAttribution) {

    /** Loads the bundled licence. */
    public static Licence load() {
        try (InputStream in = Licence.class.getResourceAsStream("/data/licence.json")) {
            JsonNode j = JsonMapper.builder().build().readTree(in);
            JsonNode map = j.get("mapLicence");
            return new Licence(
                    j.get("id").asString(),
                    j.get("name").asString(),
                    j.get("url").asString(),
                    j.get("attribution").asString(),
                    map.get("id").asString(),
                    map.get("url").asString(),
                    map.get("attribution").asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code Link} header value naming the licence. */
    public String linkHeader() {
        return "<" + url + ">; rel=\"license\"";
    }

    /** The licence as the JSON field every JSON answer carries. */
    public Map<String, Object> field(boolean spatial) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("name", name);
        f.put("url", url);
        f.put("attribution", spatial ? attribution + "; " + mapAttribution + " (" + mapId + ")" : attribution);
        return f;
    }
}
