using ParIndex.Core.Numbers;
using ParIndex.Documents.Fonts;

namespace ParIndex.Documents.Results;

/// <summary>The radar chart of component indices per field (ScottPlot, rendered headless to PNG).</summary>
public static class RadarChart
{
    /// <summary>A PNG of the fields' indices on a 0–100% radar; each spoke is labelled with its field code and index.</summary>
    public static byte[] RenderPng(IReadOnlyList<FieldResult> fields, int width = 900, int height = 900)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.Count < 3)
        {
            throw new ArgumentException("Biểu đồ radar cần ít nhất 3 lĩnh vực (a radar needs at least 3 fields).", nameof(fields));
        }

        ChartFontResolver.EnsureInstalled();
        var plot = new ScottPlot.Plot();
        try
        {
            plot.Font.Set(EmbeddedFonts.FamilyName);
            double[,] values = new double[1, fields.Count];
            for (var i = 0; i < fields.Count; i++)
            {
                values[0, i] = (double)(fields[i].IndexPercent ?? 0m);
            }

            var radar = plot.Add.Radar(values);
            radar.Series[0].FillColor = ScottPlot.Color.FromHex("#1F77B4").WithAlpha(0.35);
            radar.Series[0].LineColor = ScottPlot.Color.FromHex("#1F77B4");
            radar.Series[0].LineWidth = 2;
            radar.PolarAxis.SetCircles([20, 40, 60, 80, 100], ["20%", "40%", "60%", "80%", "100%"]);
            radar.PolarAxis.SetSpokes(fields.Select(f => $"{f.Code}: {VietnameseNumbers.FormatPercent(f.IndexPercent ?? 0m)}").ToArray(), 100);
            foreach (var spoke in radar.PolarAxis.Spokes)
            {
                spoke.LabelStyle.FontName = EmbeddedFonts.FamilyName;
                spoke.LabelStyle.FontSize = 22;
                spoke.LabelStyle.Bold = true;
                spoke.LabelPaddingFraction = 0.3;
            }

            foreach (var circle in radar.PolarAxis.Circles)
            {
                circle.LabelStyle.FontName = EmbeddedFonts.FamilyName;
                circle.LabelStyle.FontSize = 16;
            }

            radar.ManageAxisLimits = true;
            plot.Axes.Frameless();
            plot.HideGrid();
            plot.Axes.SquareUnits();
            plot.Axes.SetLimits(-175, 175, -175, 175);
            return plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
        }
        finally
        {
            plot.Dispose();
        }
    }
}
