package io.rowflow.benchmarks.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws the median throughput ratios to raw R2DBC per workload as grouped bars (one bar per
 * contender, raw R2DBC being the line at 1.0, the Rowflow target the dashed line at 0.9) and saves
 * them as a PNG. The latency workloads (L1, L64) are left out: their percentiles are in the tables.
 * The axis stops at {@value #AXIS_CAP}, so coalesced lookups (many times raw's throughput) do not
 * flatten every other bar: a taller bar is cut at the top, with its value written inside it.
 */
public final class ChartWriter {

    private static final double AXIS_CAP = 3.0;

    private static final Map<String, Color> COLORS = Map.of(
            "raw", new Color(0x9e9e9e),
            "rowflow", new Color(0x1f77b4),
            "rowflow-uncoalesced", new Color(0x9ecae1),
            "rowflow-observed", new Color(0x6baed6),
            "spring-data", new Color(0x6db33f),
            "hibernate-reactive", new Color(0x8c564b),
            "jooq", new Color(0x9467bd),
            "jdbc", new Color(0xff7f0e));

    private ChartWriter() {
    }

    /** Writes the chart of the report to a PNG file. */
    public static void write(RunReport report, String subtitle, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<WorkloadResult> charted = report.workloads().stream().filter(w -> !w.workload().latency()).toList();
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (WorkloadResult result : charted) {
            for (ContenderResult c : result.contenders()) {
                dataset.addValue(result.ratio(c), c.contender(), result.workload().label());
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(
                "Throughput relative to raw R2DBC (median of rounds, higher is better)",
                null, highest(charted) > AXIS_CAP ? "ratio to raw R2DBC (axis cut at " + AXIS_CAP + ")" : "ratio to raw R2DBC", dataset, PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new org.jfree.chart.title.TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        CategoryAxis domain = plot.getDomainAxis();
        domain.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        domain.setCategoryMargin(0.25);
        domain.setLowerMargin(0.01);
        domain.setUpperMargin(0.09);          // room for the markers' labels, right of the last workload
        domain.setMaximumCategoryLabelLines(2);
        domain.setMaximumCategoryLabelWidthRatio(1.2f);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(0, Math.min(AXIS_CAP, Math.max(1.2, Math.ceil(highest(charted) * 11) / 10)));
        plot.addRangeMarker(marker(1.0, "raw", new BasicStroke(1.5f), Color.DARK_GRAY));
        plot.addRangeMarker(marker(0.9, "target", new BasicStroke(1.2f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0), new Color(0xd62728)));
        BarRenderer renderer = new CutBarRenderer(range.getUpperBound());
        plot.setRenderer(renderer);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                new java.text.DecimalFormat("0.00", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        List<?> keys = dataset.getRowKeys();
        for (int i = 0; i < keys.size(); i++) {
            renderer.setSeriesPaint(i, COLORS.getOrDefault(keys.get(i).toString(), Color.ORANGE));
        }
        ChartUtils.saveChartAsPNG(png.toFile(), chart, 1100, 520);
    }

    private static double highest(List<WorkloadResult> results) {
        return results.stream().flatMap(w -> w.contenders().stream().map(w::ratio))
                .mapToDouble(Double::doubleValue).max().orElse(1);
    }

    /** Writes the value of a bar taller than the axis inside its top, where the bar is cut, upright and white. */
    private static final class CutBarRenderer extends BarRenderer {
        private static final ItemLabelPosition INSIDE_TOP = new ItemLabelPosition(ItemLabelAnchor.INSIDE12,
                TextAnchor.CENTER_RIGHT, TextAnchor.CENTER_RIGHT, -Math.PI / 2);
        private final double top;

        CutBarRenderer(double top) {
            this.top = top;
        }

        private boolean cut(int row, int column) {
            Number value = getPlot().getDataset().getValue(row, column);
            return value != null && value.doubleValue() > top;
        }

        @Override
        public ItemLabelPosition getPositiveItemLabelPosition(int row, int column) {
            return cut(row, column) ? INSIDE_TOP : super.getPositiveItemLabelPosition(row, column);
        }

        @Override
        public Paint getItemLabelPaint(int row, int column) {
            return cut(row, column) ? Color.WHITE : super.getItemLabelPaint(row, column);
        }
    }

    private static ValueMarker marker(double value, String label, BasicStroke stroke, Color color) {
        ValueMarker marker = new ValueMarker(value, color, stroke);
        marker.setLabel(label);
        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        marker.setLabelPaint(color);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        return marker;
    }
}
