package io.jenkins.plugins.cd4ml.steps.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A line chart across builds, computed here as SVG geometry (points in a fixed view box, axis
 * ticks) so the page draws it with plain SVG elements: no script, no inline style, no chart
 * library. Each series maps build numbers to values; builds without a value leave a gap.
 */
public final class TrendChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 28;
    private static final int PALETTE = 6;

    private final String title;
    private final Map<String, Series> series = new LinkedHashMap<>();

    /**
     * @param title the chart's heading, e.g. {@code Gate accuracy (qualityGate:release)}
     */
    public TrendChart(String title) {
        this.title = title;
    }

    /**
     * Adds a point.
     *
     * @param seriesName e.g. {@code candidate} or a column name
     * @param threshold whether the series is a threshold (drawn dashed)
     * @param build the build number
     * @param value the value (non-finite values are ignored)
     * @return this chart
     */
    public TrendChart add(String seriesName, boolean threshold, int build, double value) {
        if (Double.isFinite(value)) {
            series.computeIfAbsent(seriesName, name -> new Series(name, threshold, series.size() % PALETTE))
                    .values.put(build, value);
        }
        return this;
    }

    public String getTitle() {
        return title;
    }

    /** @return an HTML id (letters, digits, dashes) */
    public String getAnchor() {
        return "cd4ml-trend-" + Integer.toHexString(title.hashCode());
    }

    public String getViewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public boolean isEmpty() {
        return series.values().stream().allMatch(s -> s.values.isEmpty());
    }

    /** @return the build numbers on the x axis, in order */
    List<Integer> builds() {
        TreeSet<Integer> builds = new TreeSet<>();
        series.values().forEach(s -> builds.addAll(s.values.keySet()));
        return new ArrayList<>(builds);
    }

    private double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Series s : series.values()) {
            for (double v : s.values.values()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min == max) {
            double pad = min == 0 ? 1 : Math.abs(min) * 0.1;
            min -= pad;
            max += pad;
        }
        return new double[] {min, max};
    }

    private double x(int build, List<Integer> builds) {
        int index = builds.indexOf(build);
        double plot = WIDTH - LEFT - RIGHT;
        return builds.size() == 1 ? LEFT + plot / 2 : LEFT + plot * index / (builds.size() - 1);
    }

    private double y(double value, double[] range) {
        double plot = HEIGHT - TOP - BOTTOM;
        return TOP + plot * (range[1] - value) / (range[1] - range[0]);
    }

    /** @return the series with their polyline points */
    public List<Line> getLines() {
        List<Integer> builds = builds();
        double[] range = range();
        List<Line> lines = new ArrayList<>();
        for (Series s : series.values()) {
            List<String> segments = new ArrayList<>();
            StringBuilder points = new StringBuilder();
            Integer previous = null;
            for (int build : builds) {
                Double value = s.values.get(build);
                if (value == null) {
                    if (points.length() > 0) {
                        segments.add(points.toString().trim());
                        points.setLength(0);
                    }
                    continue;
                }
                points.append(coordinate(x(build, builds))).append(',').append(coordinate(y(value, range))).append(' ');
                previous = build;
            }
            if (points.length() > 0) {
                segments.add(points.toString().trim());
            }
            lines.add(new Line(s.name, s.threshold, s.colour, segments, previous == null ? "" : JsonText.format(s.values.get(previous))));
        }
        return lines;
    }

    /** @return the y axis: five labelled values */
    public List<Tick> getYTicks() {
        double[] range = range();
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = range[0] + (range[1] - range[0]) * i / 4;
            ticks.add(new Tick(JsonText.format(value), LEFT - 6, y(value, range)));
        }
        return ticks;
    }

    /** @return the x axis: build numbers (at most about ten labelled) */
    public List<Tick> getXTicks() {
        List<Integer> builds = builds();
        int step = Math.max(1, (int) Math.ceil(builds.size() / 10.0));
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < builds.size(); i += step) {
            ticks.add(new Tick("#" + builds.get(i), x(builds.get(i), builds), HEIGHT - 8));
        }
        return ticks;
    }

    public int getPlotLeft() {
        return LEFT;
    }

    public int getPlotRight() {
        return WIDTH - RIGHT;
    }

    public int getPlotBottom() {
        return HEIGHT - BOTTOM;
    }

    /**
     * @return the data as an ECharts-style option ({@code xAxis.data}, {@code series[].data}, nulls for
     *     gaps), for anyone who wants to draw it with a chart library or export it
     */
    public Map<String, Object> toOption() {
        List<Integer> builds = builds();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title));
        option.put("xAxis", Map.of("type", "category", "data", builds.stream().map(b -> "#" + b).toList()));
        option.put("yAxis", Map.of("type", "value"));
        List<Map<String, Object>> data = new ArrayList<>();
        for (Series s : series.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", s.name);
            entry.put("type", "line");
            entry.put("data", builds.stream().map(s.values::get).toList());
            if (s.threshold) {
                entry.put("lineStyle", Map.of("type", "dashed"));
            }
            data.add(entry);
        }
        option.put("series", data);
        return option;
    }

    private static String coordinate(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static final class Series {
        private final String name;
        private final boolean threshold;
        private final int colour;
        private final SortedMap<Integer, Double> values = new TreeMap<>();

        Series(String name, boolean threshold, int colour) {
            this.name = name;
            this.threshold = threshold;
            this.colour = colour;
        }
    }

    /** One series as drawn: polyline segments (split at builds without a value). */
    public static final class Line {
        private final String name;
        private final boolean threshold;
        private final int colour;
        private final List<String> segments;
        private final String lastValue;

        Line(String name, boolean threshold, int colour, List<String> segments, String lastValue) {
            this.name = name;
            this.threshold = threshold;
            this.colour = colour;
            this.segments = List.copyOf(segments);
            this.lastValue = lastValue;
        }

        public String getName() {
            return name;
        }

        public boolean isThreshold() {
            return threshold;
        }

        /** @return the CSS class that colours it (fixed names, never user data) */
        public String getCssClass() {
            return "cd4ml-series-" + colour + (threshold ? " threshold" : "");
        }

        /** @return SVG {@code points} attribute values, one per unbroken run of builds */
        public List<String> getSegments() {
            return segments;
        }

        public String getLastValue() {
            return lastValue;
        }
    }

    /** An axis label at a position in the view box. */
    public static final class Tick {
        private final String label;
        private final String x;
        private final String y;

        Tick(String label, double x, double y) {
            this.label = label;
            this.x = coordinate(x);
            this.y = coordinate(y);
        }

        public String getLabel() {
            return label;
        }

        public String getX() {
            return x;
        }

        public String getY() {
            return y;
        }
    }
}
