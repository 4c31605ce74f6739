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

    private final Categories categories;
    private final Names names;
    private final List<Shape> shapes = new ArrayList<>();
    private final double minLon;
    private final double maxLat;
    private final double scale;
    private final double kx;
    private final double height;

    /** A unit's outline as an SVG path. */
    record Shape(Jurisdiction unit, String path) {
    }

    MapDrawing(Jurisdictions jurisdictions, Categories categories, Names names) {
        this.categories = categories;
        this.names = names;
        List<Jurisdiction> drawn = jurisdictions.all().stream().filter(j -> j.area() != null
                && (j.kind() == Jurisdiction.Kind.COUNTY || j.kind() == Jurisdiction.Kind.CORPS_DIVISION)).toList();
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
                d.append('Z');
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
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg class=\"map\" viewBox=\"0 0 %.0f %.0f\" role=\"group\" aria-labelledby=\"map-title\">",
                WIDTH, height));
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
                s.append("<path class=\"").append(cls).append("\" d=\"").append(shape.path()).append("\"><title>")
                        .append(esc(name)).append("</title></path>");
            } else {
                s.append("<a href=\"/counties/").append(j.id()).append("\" aria-label=\"").append(esc(name)).append("\">")
                        .append("<path class=\"").append(cls).append("\" d=\"").append(shape.path()).append("\"><title>")
                        .append(esc(name)).append("</title></path></a>");
            }
        }
        for (StationNow st : stations) {
            double[] xy = xy(st.longitude(), st.latitude());
            var c = categories.of(st.aqi());
            String label = names.station(st, lang) + (st.aqi() == null ? "" : " AQI " + st.aqi());
            s.append(String.format(Locale.ROOT,
                    "<a href=\"/stations/%s\" aria-label=\"%s\"><circle class=\"station\" data-station=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"%s\"><title>%s</title></circle></a>",
                    esc(st.id()), esc(label), esc(st.id()), xy[0], xy[1], c.map(Categories.Category::rgb).orElse("#9E9E9E"),
                    esc(label)));
        }
        s.append("</svg>");
        return s.toString();
    }

    static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
