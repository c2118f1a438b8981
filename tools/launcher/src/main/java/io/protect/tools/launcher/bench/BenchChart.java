package io.protect.tools.launcher.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The run over time, drawn with XChart into one PNG of three panels: alerts accepted and rows
 * stored per second; ingest → stored and → WebSocket latency of the alerts ingested in each second
 * of the fixed-rate phase; consumer lag per stage.
 */
final class BenchChart {

    private static final int WIDTH = 1100;
    private static final int HEIGHT = 330;

    private BenchChart() {
    }

    static void write(BenchReport report, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<BenchReport.TimelinePoint> points = report.timeline();
        long first = points.isEmpty() ? 0 : points.get(0).second();

        XYChart rate = chart("Throughput: events per second", "events/s");
        line(rate, "accepted by ingest (202)", points, first, p -> (double) p.accepted());
        line(rate, "stored (rows by stored_at)", points, first, p -> (double) p.stored());

        XYChart latency = chart(String.format(java.util.Locale.ROOT,
                "Latency at %,d events/s, by second of ingest (ms)", report.latency().targetRate()), "ms");
        line(latency, "ingest → stored p50", points, first, p -> p.storeP50Ms() == null ? null : (double) p.storeP50Ms());
        line(latency, "ingest → stored p99", points, first, p -> p.storeP99Ms() == null ? null : (double) p.storeP99Ms());
        line(latency, "ingest → WebSocket p99", points, first, p -> p.wsP99Ms() == null ? null : (double) p.wsP99Ms());

        XYChart lag = chart("Consumer lag per stage (records)", "records");
        Map<String, Boolean> groups = new LinkedHashMap<>();
        points.forEach(p -> p.lag().keySet().forEach(g -> groups.put(g, true)));
        for (String group : groups.keySet()) {
            line(lag, group, points, first, p -> p.lag().containsKey(group) ? (double) p.lag().get(group) : null);
        }
        BitmapEncoder.saveBitmap(List.of(rate, latency, lag), 3, 1, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String yTitle) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("seconds since the start of the run").yAxisTitle(yTitle).build();
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        return chart;
    }

    /** A series of the points where {@code value} has one; nothing drawn for a series without any. */
    private static void line(XYChart chart, String name, List<BenchReport.TimelinePoint> points, long first,
            Function<BenchReport.TimelinePoint, Double> value) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (BenchReport.TimelinePoint p : points) {
            Double v = value.apply(p);
            if (v != null) {
                xs.add((double) (p.second() - first));
                ys.add(v);
            }
        }
        if (xs.isEmpty()) {
            // XChart refuses an empty series; a flat zero says "nothing measured" without failing the chart.
            xs.add(0.0);
            ys.add(0.0);
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setMarker(SeriesMarkers.NONE);
    }
}
