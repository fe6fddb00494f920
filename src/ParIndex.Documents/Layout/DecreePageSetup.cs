namespace ParIndex.Documents.Layout;

/// <summary>
/// The page setup Decree 30/2020/NĐ-CP (Appendix I) asks of administrative documents, one place
/// for every writer (ADR 0120): A4; margins top and bottom 20–25 mm, left 30–35 mm, right
/// 15–20 mm (the smallest of each range, to leave the wide table room); a Times New Roman-metric
/// serif; body text 14 pt; page numbers centred in the top margin from page 2.
/// </summary>
public static class DecreePageSetup
{
    public const double TopMillimetres = 20;
    public const double BottomMillimetres = 20;
    public const double LeftMillimetres = 30;
    public const double RightMillimetres = 15;

    /// <summary>Where the page number sits: the middle of the top margin.</summary>
    public const double PageNumberFromTopMillimetres = 10;

    /// <summary>Body text of the report (the Decree allows 13–14 pt).</summary>
    public const double BodyPoints = 14;

    /// <summary>
    /// Cells of the official table, an annex: smaller than the body (the Decree lets tables and
    /// annexes use a smaller size) so the nine appraisal columns fit a landscape page.
    /// </summary>
    public const double TablePoints = 11;

    /// <summary>The page number (the Decree: 13–14 pt, like the body).</summary>
    public const double PageNumberPoints = 13;

    public const double A4ShortMillimetres = 210;
    public const double A4LongMillimetres = 297;

    /// <summary>Millimetres in points (1 pt = 1/72 in).</summary>
    public static double Points(double millimetres) => millimetres / 25.4 * 72;

    /// <summary>Millimetres in twentieths of a point (Word's page and margin unit).</summary>
    public static int Twips(double millimetres) => (int)Math.Round(millimetres / 25.4 * 1440);
}
