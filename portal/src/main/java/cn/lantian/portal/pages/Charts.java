package cn.lantian.portal.pages;

import java.util.List;
import java.util.Locale;

/** Small SVG charts drawn on the server: no chart library, nothing for the browser to fetch. */
final class Charts {

    private static final double W = 760;
    private static final double H = 240;
    private static final double LEFT = 44;
    private static final double BOTTOM = 26;
    private static final double TOP = 22;

    private Charts() {}

    /** One value to draw; null values leave a gap. */
    record Bar(String label, Double value, String colour) {}

    /** A bar per value (days, months), with a few x labels and a y axis from zero. */
    static String bars(String title, List<Bar> bars, String yLabel) {
        double max = niceMax(bars.stream()
                .map(Bar::value)
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0));
        StringBuilder s = open(title);
        axis(s, max, yLabel);
        double plotW = W - LEFT - 8;
        double step = bars.isEmpty() ? plotW : plotW / bars.size();
        int labelEvery = Math.max(1, bars.size() / 8);
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double x = LEFT + i * step;
            if (b.value() != null) {
                double h = (H - BOTTOM - TOP) * b.value() / max;
                s.append(String.format(
                        Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.2f\" height=\"%.1f\" fill=\"%s\" stroke=\"#333\" stroke-width=\"%s\"><title>%s: %s</title></rect>",
                        x,
                        H - BOTTOM - h,
                        Math.max(0.5, step * 0.85),
                        h,
                        b.colour(),
                        step > 6 ? "0.5" : "0",
                        MapDrawing.esc(b.label()),
                        format(b.value())));
            }
            if (i % labelEvery == 0) {
                s.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\">%s</text>",
                        x,
                        H - 8,
                        MapDrawing.esc(b.label())));
            }
        }
        return s.append("</svg>").toString();
    }

    /** A line through the values (hours), gaps where a value is missing. */
    static String line(String title, List<Bar> points, String yLabel) {
        double max = niceMax(points.stream()
                .map(Bar::value)
                .filter(v -> v != null)
                .mapToDouble(Double::doubleValue)
                .max()
                .orElse(0));
        StringBuilder s = open(title);
        axis(s, max, yLabel);
        double plotW = W - LEFT - 8;
        double step = points.size() < 2 ? plotW : plotW / (points.size() - 1);
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        int labelEvery = Math.max(1, points.size() / 7);
        for (int i = 0; i < points.size(); i++) {
            Bar p = points.get(i);
            double x = LEFT + i * step;
            if (p.value() == null) {
                pen = false;
            } else {
                double y = H - BOTTOM - (H - BOTTOM - TOP) * p.value() / max;
                d.append(pen ? "L" : "M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                pen = true;
            }
            if (i % labelEvery == 0) {
                s.append(String.format(
                        Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\">%s</text>",
                        x,
                        H - 8,
                        MapDrawing.esc(p.label())));
            }
        }
        s.append("<path class=\"series\" fill=\"none\" stroke=\"#1a4f8b\" stroke-width=\"2\" d=\"")
                .append(d)
                .append("\"/>");
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(
                Locale.ROOT,
                "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\"><title>%s</title>",
                W,
                H,
                MapDrawing.esc(title),
                MapDrawing.esc(title)));
    }

    private static void axis(StringBuilder s, double max, String yLabel) {
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            double y = H - BOTTOM - (H - BOTTOM - TOP) * i / 4;
            s.append(String.format(
                    Locale.ROOT,
                    "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/><text x=\"%.1f\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>",
                    LEFT,
                    W - 8,
                    y,
                    y,
                    LEFT - 4,
                    y + 4,
                    format(v)));
        }
        s.append(String.format(
                Locale.ROOT, "<text x=\"4\" y=\"%.1f\" class=\"tick\">%s</text>", TOP - 10, MapDrawing.esc(yLabel)));
    }

    static double niceMax(double max) {
        if (max <= 0) {
            return 50;
        }
        double[] steps = {50, 100, 150, 200, 300, 400, 500};
        for (double step : steps) {
            if (max <= step) {
                return step;
            }
        }
        return Math.ceil(max / 100) * 100;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
