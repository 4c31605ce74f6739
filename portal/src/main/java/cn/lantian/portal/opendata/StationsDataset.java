package cn.lantian.portal.opendata;

import cn.lantian.portal.aqi.Categories;
import cn.lantian.portal.live.LatestAqi;
import cn.lantian.portal.upstream.StationNow;
import cn.lantian.reference.Jurisdictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Stations with their latest AQI as JSON, CSV or GeoJSON, filtered by county and bounding box, paged by cursor. */
@Component
class StationsDataset {

    static final List<String> CSV_HEADER = List.of(
            "id",
            "name_zh",
            "name_en",
            "kind",
            "county",
            "corps_unit",
            "longitude",
            "latitude",
            "hour",
            "aqi",
            "category",
            "category_zh",
            "category_en",
            "primary",
            "standard");

    private final Categories categories;
    private final Jurisdictions jurisdictions;
    private final Licence licence;
    private final JsonMapper json;

    StationsDataset(Categories categories, Jurisdictions jurisdictions, Licence licence, JsonMapper json) {
        this.categories = categories;
        this.jurisdictions = jurisdictions;
        this.licence = licence;
        this.json = json;
    }

    /** A page of stations: those matching, after the cursor's station, at most {@code limit}. */
    record Page(List<StationNow> stations, String next) {}

    Page select(LatestAqi.Snapshot snapshot, String county, double[] bbox, String afterStation, int limit) {
        List<StationNow> matching = new ArrayList<>();
        String next = null;
        for (StationNow s : snapshot.stations()) {
            if (afterStation != null && s.id().compareTo(afterStation) <= 0) {
                continue;
            }
            if (!within(s, county) || !inside(s, bbox)) {
                continue;
            }
            if (matching.size() == limit) {
                next = Params.cursorOf(matching.get(limit - 1).id(), "");
                break;
            }
            matching.add(s);
        }
        return new Page(matching, next);
    }

    boolean within(StationNow s, String county) {
        return county == null
                || county.equals(s.jurisdiction())
                || county.equals(s.corpsUnit())
                || (s.jurisdiction() != null && jurisdictions.isWithin(s.jurisdiction(), county))
                || (s.corpsUnit() != null && jurisdictions.isWithin(s.corpsUnit(), county));
    }

    static boolean inside(StationNow s, double[] bbox) {
        return bbox == null
                || (s.longitude() >= bbox[0]
                        && s.latitude() >= bbox[1]
                        && s.longitude() <= bbox[2]
                        && s.latitude() <= bbox[3]);
    }

    String json(Page page) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("licence", licence.field(true));
        root.put("items", page.stations().stream().map(this::item).toList());
        root.put("next", page.next());
        return json.writeValueAsString(root);
    }

    String geoJson(Page page) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("type", "FeatureCollection");
        root.put("licence", licence.field(true));
        root.put(
                "features",
                page.stations().stream()
                        .map(s -> {
                            Map<String, Object> f = new LinkedHashMap<>();
                            f.put("type", "Feature");
                            f.put("id", s.id());
                            f.put(
                                    "geometry",
                                    Map.of("type", "Point", "coordinates", List.of(s.longitude(), s.latitude())));
                            Map<String, Object> props = item(s);
                            props.remove("longitude");
                            props.remove("latitude");
                            f.put("properties", props);
                            return f;
                        })
                        .toList());
        root.put("next", page.next());
        return json.writeValueAsString(root);
    }

    String csv(Page page) {
        Csv csv = new Csv().row(CSV_HEADER);
        for (StationNow s : page.stations()) {
            var c = categories.of(s.aqi());
            csv.row(java.util.Arrays.asList(
                    s.id(),
                    s.nameZh(),
                    s.nameEn(),
                    s.kind(),
                    s.jurisdiction(),
                    s.corpsUnit(),
                    s.longitude(),
                    s.latitude(),
                    s.hour(),
                    s.aqi(),
                    c.map(Categories.Category::number).orElse(null),
                    c.map(Categories.Category::nameZh).orElse(null),
                    c.map(Categories.Category::nameEn).orElse(null),
                    s.primary(),
                    s.standard()));
        }
        return csv.toString();
    }

    Map<String, Object> item(StationNow s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("nameZh", s.nameZh());
        m.put("nameEn", s.nameEn());
        m.put("nameUg", s.nameUg());
        m.put("kind", s.kind());
        m.put("county", s.jurisdiction());
        m.put("corpsUnit", s.corpsUnit());
        m.put("longitude", s.longitude());
        m.put("latitude", s.latitude());
        // The published hours are UTC instants; the station's local civil time is Beijing time (one zone for China).
        m.put("timeZone", DatasetsController.CHINA.getId());
        // What the owner knows of the station; null where it does not (never guessed here).
        m.put("operator", s.operator());
        m.put("elevationM", s.elevationM());
        m.put(
                "operatingSince",
                s.operatingSince() == null ? null : s.operatingSince().toString());
        Map<String, Object> latest = null;
        if (s.aqi() != null) {
            latest = new LinkedHashMap<>();
            latest.put("hour", s.hour() == null ? null : s.hour().toString());
            latest.put("aqi", s.aqi());
            var c = categories.of(s.aqi());
            latest.put("category", c.map(Categories.Category::number).orElse(null));
            latest.put("categoryZh", c.map(Categories.Category::nameZh).orElse(null));
            latest.put("categoryEn", c.map(Categories.Category::nameEn).orElse(null));
            latest.put("colour", c.map(Categories.Category::rgb).orElse(null));
            latest.put("primary", s.primary());
            latest.put("standard", s.standard());
        }
        m.put("latest", latest);
        return m;
    }
}
