using SkiaSharp;

namespace ParIndex.Documents.Fonts;

/// <summary>
/// Gives ScottPlot the embedded Noto Sans, so a chart's Vietnamese labels do not depend on the
/// fonts installed on the server.
/// </summary>
internal sealed class ChartFontResolver : ScottPlot.IFontResolver
{
    private static readonly Lock Gate = new();
    private static bool _installed;

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                ScottPlot.Fonts.FontResolvers.Insert(0, new ChartFontResolver());
                _installed = true;
            }
        }
    }

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, EmbeddedFonts.FamilyName, StringComparison.OrdinalIgnoreCase)
            ? SKTypeface.FromData(SKData.CreateCopy(EmbeddedFonts.Load(EmbeddedFonts.FaceFor(bold))))
            : null;

    public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing width) =>
        CreateTypeface(fontName, weight >= ScottPlot.FontWeight.SemiBold, slant != ScottPlot.FontSlant.Upright);
}
