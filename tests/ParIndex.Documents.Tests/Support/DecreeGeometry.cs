using System.Globalization;
using System.Text.RegularExpressions;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace ParIndex.Documents.Tests.Support;

/// <summary>
/// Checks a PDF against the page setup of Decree 30/2020/NĐ-CP, read back with PdfPig: A4, the
/// text inside the margins (top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm), fonts, and
/// page numbers centred in the top margin from page 2 only.
/// </summary>
internal static class DecreeGeometry
{
    private const double PointsPerMillimetre = 72 / 25.4;
    private const double Tolerance = 1.5; // points: glyph boxes and rounding

    public static double Millimetres(double points) => points / PointsPerMillimetre;

    /// <summary>Every page A4 in either orientation.</summary>
    public static void AssertA4(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            var (shortSide, longSide) = (Math.Min(page.Width, page.Height), Math.Max(page.Width, page.Height));
            Assert.True(Math.Abs(Millimetres(shortSide) - 210) < 1 && Math.Abs(Millimetres(longSide) - 297) < 1,
                $"page {page.Number} is {Millimetres(page.Width):0.#} × {Millimetres(page.Height):0.#} mm, not A4");
        }
    }

    /// <summary>
    /// The words outside the page number line lie within the margins, and the text reaches the
    /// left margin (so the left margin is not wider than 35 mm either). Returns the margins found
    /// (mm) for the messages of the caller.
    /// </summary>
    public static (double Top, double Bottom, double Left, double Right) AssertMargins(byte[] pdf)
    {
        var body = BodyWords(pdf);
        Assert.NotEmpty(body);
        var top = body.Min(w => Millimetres(w.PageHeight - w.Top));
        var bottom = body.Min(w => Millimetres(w.Bottom));
        var left = body.Min(w => Millimetres(w.Left));
        var right = body.Min(w => Millimetres(w.PageWidth - w.Right));
        var slack = Millimetres(Tolerance);
        Assert.True(top >= 20 - slack, $"text {top:0.#} mm from the top edge (the Decree: 20–25 mm)");
        Assert.True(bottom >= 20 - slack, $"text {bottom:0.#} mm from the bottom edge (the Decree: 20–25 mm)");
        Assert.InRange(left, 30 - slack, 35);
        Assert.True(right >= 15 - slack, $"text {right:0.#} mm from the right edge (the Decree: 15–20 mm)");
        // The first line starts at the top margin, not lower than the Decree's widest one.
        Assert.True(top <= 25 + slack, $"the first line is {top:0.#} mm from the top edge (the Decree: 20–25 mm)");
        return (top, bottom, left, right);
    }

    /// <summary>Every letter outside the page number in the embedded Liberation Serif.</summary>
    public static void AssertLiberationSerifEmbedded(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        var names = document.GetPages().SelectMany(p => p.Letters).Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .Select(l => l.FontName ?? "").Distinct(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains("LiberationSerif", n.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal));
        // Subset prefix (ABCDEF+) is how an embedded subset is named; the font program must be there too.
        Assert.All(names, n => Assert.Matches("^[A-Z]{6}\\+", n));
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Contains("/FontFile2", raw, StringComparison.Ordinal);
    }

    /// <summary>
    /// Page n ≥ 2 carries "n" centred in the top margin (above 20 mm from the top edge); page 1
    /// carries no number there.
    /// </summary>
    public static void AssertPageNumbersAtTopFromPage2(byte[] pdf)
    {
        var words = PdfText.Words(pdf);
        var pages = PdfText.PageCount(pdf);
        Assert.DoesNotContain(words, w => w.Page == 1 && InTopMargin(w));
        for (var page = 2; page <= pages; page++)
        {
            var number = page.ToString(CultureInfo.InvariantCulture);
            var inMargin = words.Where(w => w.Page == page && InTopMargin(w)).ToList();
            var word = Assert.Single(inMargin);
            Assert.Equal(number, word.Text);
            var centre = (word.Left + word.Right) / 2;
            var contentCentre = (Points(30) + word.PageWidth - Points(15)) / 2;
            Assert.True(Math.Abs(centre - contentCentre) < 3, $"page {page}: the number is at x = {centre:0.#}, the text block's centre is {contentCentre:0.#}");
        }
    }

    /// <summary>The font sizes (pt, rounded to 0,5) of the letters on a page outside the page number.</summary>
    public static List<double> FontSizes(byte[] pdf, int page)
    {
        using var document = PdfPigDocument.Open(pdf);
        var p = document.GetPage(page);
        return p.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value) && p.Height - l.BoundingBox.Top > Points(20) - Tolerance)
            .Select(l => Math.Round(l.PointSize * 2, MidpointRounding.AwayFromZero) / 2).ToList();
    }

    /// <summary>Words on the page that are not the page number.</summary>
    public static List<PdfWord> BodyWords(byte[] pdf) => PdfText.Words(pdf).Where(w => !InTopMargin(w)).ToList();

    private static bool InTopMargin(PdfWord w) => w.PageHeight - w.Bottom < Points(20) - Tolerance;

    private static double Points(double millimetres) => millimetres * PointsPerMillimetre;

    /// <summary>Family name without subset prefix and style (for messages).</summary>
    public static string Family(string fontName) => Regex.Replace(Regex.Replace(fontName, @"^[A-Z]{6}\+", ""), @"[-, ](Bold|Italic|BoldItalic|Regular)$", "");
}
