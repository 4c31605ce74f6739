package cn.lantian.portal.pages;

import cn.lantian.portal.aqi.Categories;
import cn.lantian.portal.upstream.StationNow;
import cn.lantian.reference.Jurisdiction;
import cn.lantian.reference.Jurisdictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Draws the prefecture as SVG from the project's own boundaries (no tiles, nothing fetched): counties as links,
 * stations as circles coloured by AQI category that the page's script recolours live.
 */
@Component
public class MapDrawing {

    static final double WIDTH = 800;
    /** A station circle's radius in map units: large enough to tap on a phone once the map is zoomed. */
    static final double RADIUS = 9;

    private final Categories categories;
    private final Names names;
    private final List<Shape> shapes = new ArrayList<>();
    private final double minLon;
    private final double maxLat;
    private final double scale;
    private final double kx;
    private final double height;

    /** A unit's outline as an SVG path. */
    record Shape(Jurisdiction unit, String path) {}

    MapDrawing(Jurisdictions jurisdictions, Categories categories, Names names) {
        this.categories = categories;
        this.names = names;
        List<Jurisdiction> drawn = jurisdictions.all().stream()
                .filter(j -> j.area() != null
                        && (j.kind() == Jurisdiction.Kind.COUNTY || j.kind() == Jurisdiction.Kind.CORPS_DIVISION))
                .toList();
        double loMin = 180, loMax = -180, laMin = 90, laMax = -90;
        for (Jurisdiction j : drawn) {
            for (List<double[][]> polygon : j.area().polygons()) {
                for (double[] p : polygon.get(0)) {
                    loMin = Math.min(loMin, p[0]);
                    loMax = Math.max(loMax, p[0]);
                    laMin = Math.min(laMin, p[1]);
                    laMax = Math.max(laMax, p[1]);
                }
            }
        }
        this.minLon = loMin;
        this.maxLat = laMax;
        // Equirectangular with the mid-latitude's shrink: true enough at prefecture scale.
        this.kx = Math.cos(Math.toRadians((laMin + laMax) / 2));
        this.scale = WIDTH / ((loMax - loMin) * kx);
        this.height = Math.ceil((laMax - laMin) * scale);
        for (Jurisdiction j : drawn) {
            shapes.add(new Shape(j, path(j)));
        }
    }

    double[] xy(double lon, double lat) {
        return new double[] {(lon - minLon) * kx * scale, (maxLat - lat) * scale};
    }

    private String path(Jurisdiction j) {
        StringBuilder d = new StringBuilder();
        for (List<double[][]> polygon : j.area().polygons()) {
            for (double[][] ring : polygon) {
                d.append(ring(ring));
            }
        }
        return d.toString();
    }

    /**
     * The map of the stations given (all, or one county's), in the reader's language.
     *
     * @param highlight a unit to emphasise, or null
     */
    public String svg(List<StationNow> stations, String lang, String highlight, String title) {
        StringBuilder s = base(lang, highlight, title);
        stationCircles(s, stations, lang);
        s.append("</svg>");
        return s.toString();
    }

    /** A point of a domain's map layer (a construction site, a fire point), linked to its line in the list. */
    public record Marker(String id, double longitude, double latitude, String label, String cssClass, String colour) {}

    /** An area of a domain's map layer (an afforestation project, a sand-closure area). */
    public record Area(String id, List<List<double[][]>> polygons, String label, String cssClass) {}

    /**
     * A domain's map: the prefecture with its areas drawn over the counties and its points over them, each with its
     * label as a tooltip and a link to its line in the page's list ({@code #item-<id>}).
     */
    public String layer(String lang, String title, List<Area> areas, List<Marker> markers) {
        StringBuilder s = base(lang, null, title);
        s.append("<g class=\"areas\">");
        for (Area area : areas) {
            StringBuilder d = new StringBuilder();
            for (List<double[][]> polygon : area.polygons()) {
                for (double[][] ring : polygon) {
                    d.append(ring(ring));
                }
            }
            if (d.isEmpty()) {
                continue;
            }
            s.append("<a href=\"#item-")
                    .append(esc(area.id()))
                    .append("\" aria-label=\"")
                    .append(esc(area.label()))
                    .append("\"><path class=\"area ")
                    .append(esc(area.cssClass()))
                    .append("\" data-area=\"")
                    .append(esc(area.id()))
                    .append("\" d=\"")
                    .append(d)
                    .append("\"><title>")
                    .append(esc(area.label()))
                    .append("</title></path></a>");
        }
        s.append("</g>");
        List<double[]> placed = spreadPoints(
                markers.stream().map(m -> xy(m.longitude(), m.latitude())).toList());
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            double[] at = placed.get(i);
            s.append(String.format(
                    Locale.ROOT,
                    "<a href=\"#item-%s\" aria-label=\"%s\"><circle class=\"marker %s\" data-marker=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.0f\" fill=\"%s\"><title>%s</title></circle></a>",
                    esc(m.id()),
                    esc(m.label()),
                    esc(m.cssClass()),
                    esc(m.id()),
                    at[0],
                    at[1],
                    RADIUS * 0.7,
                    esc(m.colour()),
                    esc(m.label())));
        }
        s.append("</svg>");
        return s.toString();
    }

    private String ring(double[][] ring) {
        StringBuilder d = new StringBuilder();
        String last = null;
        int n = 0;
        for (double[] p : ring) {
            double[] xy = xy(p[0], p[1]);
            String point = String.format(Locale.ROOT, "%.1f %.1f", xy[0], xy[1]);
            if (!point.equals(last)) {
                d.append(n == 0 ? "M" : "L").append(point);
                last = point;
                n++;
            }
        }
        return n == 0 ? "" : d.append('Z').toString();
    }

    private StringBuilder base(String lang, String highlight, String title) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(
                Locale.ROOT,
                "<svg class=\"map\" viewBox=\"0 0 %.0f %.0f\" role=\"group\" aria-labelledby=\"map-title\">",
                WIDTH,
                height));
        s.append("<title id=\"map-title\">").append(esc(title)).append("</title>");
        for (Shape shape : shapes) {
            Jurisdiction j = shape.unit();
            String name = Names.of(j, lang);
            String cls = j.isCorps() ? "unit corps" : "unit";
            if (j.id().equals(highlight)) {
                cls += " highlight";
            }
            if (j.isCorps()) {
                // Corps land lies inside counties: drawn as an outline only, not a link over the county.
                s.append("<path class=\"")
                        .append(cls)
                        .append("\" d=\"")
                        .append(shape.path())
                        .append("\"><title>")
                        .append(esc(name))
                        .append("</title></path>");
            } else {
                s.append("<a href=\"/counties/")
                        .append(j.id())
                        .append("\" aria-label=\"")
                        .append(esc(name))
                        .append("\">")
                        .append("<path class=\"")
                        .append(cls)
                        .append("\" d=\"")
                        .append(shape.path())
                        .append("\"><title>")
                        .append(esc(name))
                        .append("</title></path></a>");
            }
        }
        // County names at their centroids, under the stations; they take no clicks (the county shape does).
        s.append("<g class=\"labels\" aria-hidden=\"true\">");
        for (Shape shape : shapes) {
            Jurisdiction j = shape.unit();
            if (j.isCorps() || j.centroid() == null) {
                continue;
            }
            double[] c = xy(j.centroid()[0], j.centroid()[1]);
            s.append(String.format(
                    Locale.ROOT,
                    "<text class=\"label\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>",
                    c[0],
                    c[1],
                    esc(Names.of(j, lang))));
        }
        s.append("</g>");
        return s;
    }

    private void stationCircles(StringBuilder s, List<StationNow> stations, String lang) {
        List<double[]> placed = spread(stations);
        for (int i = 0; i < stations.size(); i++) {
            StationNow st = stations.get(i);
            double[] xy = xy(st.longitude(), st.latitude());
            double[] at = placed.get(i);
            var c = categories.of(st.aqi());
            String label = names.station(st, lang) + (st.aqi() == null ? "" : " AQI " + st.aqi());
            if (at[0] != xy[0] || at[1] != xy[1]) {
                // A station moved apart from its neighbours keeps a leader line to where it really is.
                s.append(String.format(
                        Locale.ROOT,
                        "<line class=\"leader\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
                        xy[0],
                        xy[1],
                        at[0],
                        at[1]));
            }
            s.append(String.format(
                    Locale.ROOT,
                    "<a href=\"/stations/%s\" aria-label=\"%s\"><circle class=\"station\" data-station=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.0f\" fill=\"%s\"><title>%s</title></circle></a>",
                    esc(st.id()),
                    esc(label),
                    esc(st.id()),
                    at[0],
                    at[1],
                    RADIUS,
                    c.map(Categories.Category::rgb).orElse("#9E9E9E"),
                    esc(label)));
        }
    }

    /**
     * Where each station's circle goes: its own position, or, for stations whose circles would overlap (same site
     * or a few hundred metres apart), evenly round their common centre so that each can be seen and clicked.
     */
    List<double[]> spread(List<StationNow> stations) {
        return spreadPoints(
                stations.stream().map(st -> xy(st.longitude(), st.latitude())).toList());
    }

    /** The same for any points already in map units. */
    List<double[]> spreadPoints(List<double[]> points) {
        List<double[]> at = new ArrayList<>(points);
        int count = at.size();
        boolean[] done = new boolean[count];
        for (int i = 0; i < count; i++) {
            if (done[i]) {
                continue;
            }
            List<Integer> group = new ArrayList<>(List.of(i));
            for (int k = 0; k < group.size(); k++) {
                double[] p = at.get(group.get(k));
                for (int j = i + 1; j < count; j++) {
                    if (!done[j]
                            && !group.contains(j)
                            && Math.hypot(at.get(j)[0] - p[0], at.get(j)[1] - p[1]) < 2 * RADIUS) {
                        group.add(j);
                    }
                }
            }
            group.forEach(g -> done[g] = true);
            if (group.size() < 2) {
                continue;
            }
            double cx = group.stream().mapToDouble(g -> at.get(g)[0]).average().orElseThrow();
            double cy = group.stream().mapToDouble(g -> at.get(g)[1]).average().orElseThrow();
            // The ring's chord between neighbours is a diameter and a gap: circles touch nothing.
            double ring = Math.max(2 * RADIUS, (2 * RADIUS + 3) / (2 * Math.sin(Math.PI / group.size())));
            for (int k = 0; k < group.size(); k++) {
                double angle = -Math.PI / 2 + 2 * Math.PI * k / group.size();
                at.set(group.get(k), new double[] {cx + ring * Math.cos(angle), cy + ring * Math.sin(angle)});
            }
        }
        return at;
    }

    static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
