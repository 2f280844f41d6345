package dev.guildhall.insights;

import dev.guildhall.core.FileUpload;
import dev.guildhall.insights.Report.Edge;
import dev.guildhall.insights.Report.Matched;
import dev.guildhall.insights.Report.TopicDemand;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** PNG charts of a report, each with the text summary said alongside it. Rendered headless with JFreeChart. */
final class Charts {
    static final int WIDTH = 800;
    static final int HEIGHT = 480;
    private static final int TOPICS_CHARTED = 12;
    private static final int EDGES_SUMMARIZED = 20;
    private static final String DEMAND = "Demand by topic";
    private static final String TIME_TO_MATCH = "Time to match";
    private static final String TREE = "Graduation tree: ";
    private static final Color NO_TEACHER = new Color(0xC0392B);
    private static final Color HAS_TEACHER = new Color(0x3B5B8C);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** The titles of the charts {@link #of} draws for this report, without drawing them. */
    static List<String> planned(Report report) {
        List<String> titles = new ArrayList<>();
        if (!report.demand().isEmpty()) {
            titles.add(DEMAND);
        }
        if (!report.matching().matched().isEmpty()) {
            titles.add(TIME_TO_MATCH);
        }
        richestLineage(report).ifPresent(lineage -> titles.add(TREE + lineage.getKey()));
        return titles;
    }

    /** The charts there is something to draw for, in the order a lead reads them. */
    static List<FileUpload> of(Report report) {
        List<FileUpload> charts = new ArrayList<>();
        demand(report).ifPresent(charts::add);
        timeToMatch(report).ifPresent(charts::add);
        graduationTree(report).ifPresent(charts::add);
        return charts;
    }

    static Optional<FileUpload> demand(Report report) {
        List<TopicDemand> demand = report.demand().stream().limit(TOPICS_CHARTED).toList();
        if (demand.isEmpty()) {
            return Optional.empty();
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TopicDemand d : demand) {
            data.addValue(d.unmet() ? d.waiting() : 0, "no teacher", d.topic());
            data.addValue(d.unmet() ? 0 : d.waiting(), "has a teacher", d.topic());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart("Waiting learners by topic — " + report.scope().title(),
                "topic", "open /learn tickets waiting", data, PlotOrientation.VERTICAL, true, false, false);
        var renderer = (org.jfree.chart.renderer.category.BarRenderer) chart.getCategoryPlot().getRenderer();
        renderer.setMaximumBarWidth(0.12);
        renderer.setSeriesPaint(0, NO_TEACHER);
        renderer.setSeriesPaint(1, HAS_TEACHER);
        chart.getCategoryPlot().getRangeAxis().setStandardTickUnits(
                org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        style(chart);
        String summary = "Waiting learners by topic: " + demand.stream()
                .map(d -> d.topic() + " " + d.waiting() + (d.unmet() ? " (no teacher)" : ""))
                .collect(Collectors.joining(", ")) + ".";
        return Optional.of(FileUpload.png("demand-by-topic.png", png(chart), DEMAND, summary));
    }

    static Optional<FileUpload> timeToMatch(Report report) {
        List<Matched> matched = report.matching().matched();
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        XYSeries series = new XYSeries("hours from /learn to a teacher", false, true);
        matched.forEach(m -> series.add(m.at().toEpochMilli(), m.waited().toMinutes() / 60.0));
        JFreeChart chart = ChartFactory.createTimeSeriesChart("Time to match — " + report.scope().title(),
                "matched on", "hours waited", new XYSeriesCollection(series), false, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, HAS_TEACHER);
        plot.setRenderer(renderer);
        ((DateAxis) plot.getDomainAxis()).setDateFormatOverride(new java.text.SimpleDateFormat("MMM d HH:mm", Locale.ENGLISH));
        style(chart);
        String summary = "Time to match: " + InsightsMessages.timeToMatch(report.matching()) + "; "
                + matched.size() + " point" + (matched.size() == 1 ? "" : "s") + " from "
                + InsightsMessages.hours(matched.get(0).waited()) + " h to "
                + InsightsMessages.hours(matched.get(matched.size() - 1).waited()) + " h (first to latest).";
        return Optional.of(FileUpload.png("time-to-match.png", png(chart), TIME_TO_MATCH, summary));
    }

    /** Who taught whom on the topic with the longest chain, drawn as a tree: teachers above their learners. */
    static Optional<FileUpload> graduationTree(Report report) {
        Optional<Map.Entry<String, List<Edge>>> richest = richestLineage(report);
        if (richest.isEmpty()) {
            return Optional.empty();
        }
        String topic = richest.get().getKey();
        List<Edge> edges = richest.get().getValue();
        TreeLayout layout = TreeLayout.of(edges);
        XYSeries nodes = new XYSeries("people", false, true);
        layout.positions().values().forEach(p -> nodes.add(p[0], p[1]));
        JFreeChart chart = ChartFactory.createScatterPlot("Who taught whom: " + topic, null, null,
                new XYSeriesCollection(nodes), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRenderer().setSeriesPaint(0, HAS_TEACHER);
        for (Edge edge : edges) {
            double[] from = layout.positions().get(edge.teacher());
            double[] to = layout.positions().get(edge.learner());
            plot.addAnnotation(new XYLineAnnotation(from[0], from[1], to[0], to[1], new BasicStroke(2f), Color.GRAY));
        }
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 14);
        Set<String> graduates = report.graduates().stream().filter(g -> g.topic().equals(topic))
                .map(Report.Graduate::name).collect(Collectors.toSet());
        layout.positions().forEach((name, p) -> {
            XYTextAnnotation label = new XYTextAnnotation(graduates.contains(name) ? name + " (now teaches)" : name,
                    p[0], p[1] + 0.18);
            label.setFont(font);
            label.setTextAnchor(TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(label);
        });
        plot.getDomainAxis().setVisible(false);
        plot.getRangeAxis().setVisible(false);
        plot.getDomainAxis().setRange(-0.7, layout.width() - 0.3);
        plot.getRangeAxis().setRange(-layout.depth() - 0.5, 0.7);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        style(chart);
        String summary = "Who taught whom on " + topic + ": " + edges.stream().limit(EDGES_SUMMARIZED)
                .map(e -> e.teacher() + " → " + e.learner()).collect(Collectors.joining(", "))
                + (edges.size() > EDGES_SUMMARIZED ? " and " + (edges.size() - EDGES_SUMMARIZED) + " more pairs" : "")
                + "."
                + (graduates.isEmpty() ? "" : " Now teaching it after learning it here: "
                + String.join(", ", graduates.stream().sorted().limit(EDGES_SUMMARIZED).toList())
                + (graduates.size() > EDGES_SUMMARIZED ? " and " + (graduates.size() - EDGES_SUMMARIZED) + " more" : "")
                + ".");
        return Optional.of(FileUpload.png("graduation-tree-" + fileSafe(topic) + ".png", png(chart),
                TREE + topic, summary));
    }

    private static Optional<Map.Entry<String, List<Edge>>> richestLineage(Report report) {
        return report.lineage().entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .max(Map.Entry.comparingByValue(java.util.Comparator.comparingInt(List::size)));
    }

    private static String fileSafe(String topic) {
        return topic.replaceAll("[^a-zA-Z0-9]+", "-");
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(new Color(0xF7F7F7));
    }

    private static byte[] png(JFreeChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves side by side, each teacher centred over their learners, one row per generation. */
    record TreeLayout(Map<String, double[]> positions, int width, int depth) {
        static TreeLayout of(List<Edge> edges) {
            Map<String, List<String>> children = new LinkedHashMap<>();
            Set<String> learners = new LinkedHashSet<>();
            edges.forEach(e -> {
                children.computeIfAbsent(e.teacher(), k -> new ArrayList<>()).add(e.learner());
                learners.add(e.learner());
            });
            List<String> roots = children.keySet().stream().filter(t -> !learners.contains(t)).toList();
            if (roots.isEmpty()) {
                roots = List.of(children.keySet().iterator().next());
            }
            Map<String, double[]> positions = new HashMap<>();
            int[] nextLeaf = {0};
            int[] deepest = {0};
            for (String root : roots) {
                place(root, 0, children, positions, nextLeaf, deepest);
            }
            return new TreeLayout(positions, Math.max(1, nextLeaf[0]), deepest[0]);
        }

        private static double place(String person, int depth, Map<String, List<String>> children,
                                    Map<String, double[]> positions, int[] nextLeaf, int[] deepest) {
            if (positions.containsKey(person)) {
                return positions.get(person)[0];
            }
            positions.put(person, new double[] {nextLeaf[0], -depth});
            deepest[0] = Math.max(deepest[0], depth);
            List<String> placed = children.getOrDefault(person, List.of()).stream()
                    .filter(c -> !positions.containsKey(c)).toList();
            if (placed.isEmpty()) {
                nextLeaf[0]++;
                return positions.get(person)[0];
            }
            double sum = 0;
            for (String child : placed) {
                sum += place(child, depth + 1, children, positions, nextLeaf, deepest);
            }
            double x = sum / placed.size();
            positions.put(person, new double[] {x, -depth});
            return x;
        }
    }
}
