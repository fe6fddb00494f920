using ParIndex.Core.Numbers;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Cli.CheckTable;

/// <summary>
/// The human-readable output: per field code, title, points, maximum and component index, the
/// total and index, then the mismatches (or "Không có sai lệch"). Points are the document's stated
/// figures (the computed sum where a cell is empty); fields whose sums do not add up are starred.
/// </summary>
public static class CheckTableTextWriter
{
    private const int TitleWidth = 56;

    public static void Write(OfficialTable table, IReadOnlyList<TableMismatch> mismatches, string path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(mismatches);
        ArgumentNullException.ThrowIfNull(output);

        var rows = table.AllRows().ToList();
        var survey = rows.Where(r => r.IsLeaf && r.IsSurvey).ToList();
        output.WriteLine(table.Title.Length > 0 ? table.Title : "(biểu không có tiêu đề)");
        output.WriteLine($"Tệp: {path}");
        output.WriteLine($"{table.Rows.Count} lĩnh vực, {rows.Count} hàng, {rows.Count(r => r.IsLeaf)} tiêu chí lá; "
            + $"{survey.Count} tiêu chí đánh giá qua điều tra xã hội học (tối đa {VietnameseNumbers.FormatPoints(survey.Sum(r => r.Max))} điểm).");
        output.WriteLine();

        var flagged = mismatches.Select(m => m.Code).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"{"Mã",-5} {"Lĩnh vực".PadRight(TitleWidth)} {"Điểm",9} {"Điểm chuẩn",11} {"Chỉ số",8}");
        foreach (var field in table.Rows)
        {
            var points = field.Score ?? field.ComputedScore;
            var star = field.SelfAndDescendants().Any(r => flagged.Contains(r.Code)) ? " *" : "";
            output.WriteLine($"{field.Code,-5} {Shorten(field.Title).PadRight(TitleWidth)} {VietnameseNumbers.FormatPoints(points),9} "
                + $"{VietnameseNumbers.FormatPoints(field.Max),11} {Index(points, field.Max),8}{star}");
        }

        output.WriteLine();
        var totalPoints = table.ComputedTotalScore;
        var totalMax = table.ComputedTotalMax;
        output.WriteLine($"Tổng điểm (cộng từ các tiêu chí): {VietnameseNumbers.FormatPoints(totalPoints)} / {VietnameseNumbers.FormatPoints(totalMax)} — "
            + $"Chỉ số: {Index(totalPoints, totalMax)}");
        if (table.StatedTotalMax is not null || table.StatedTotalScore is not null)
        {
            output.WriteLine($"Dòng TỔNG ĐIỂM của biểu ghi: {Format(table.StatedTotalScore)} / {Format(table.StatedTotalMax)}");
        }

        output.WriteLine();
        if (mismatches.Count == 0)
        {
            output.WriteLine("Không có sai lệch: mọi điểm tổng hợp khớp với tổng của các hàng con.");
            return;
        }

        var lines = rows.ToDictionary(r => r.Code, r => r.SourceLine, StringComparer.Ordinal);
        output.WriteLine($"Sai lệch ({mismatches.Count}):");
        foreach (var m in mismatches)
        {
            var isTotal = m.Code == OfficialTableVerifier.TotalCode;
            var line = isTotal ? table.TotalSourceLine : lines.GetValueOrDefault(m.Code);
            var what = m.What == OfficialTableVerifier.MaxKind ? "điểm chuẩn" : "điểm tự đánh giá";
            var parts = isTotal ? "các lĩnh vực" : "các hàng con";
            output.WriteLine($"  {m.Code}{(line is > 0 ? $" (dòng {line})" : "")}: {what} ghi {VietnameseNumbers.FormatPoints(m.Stated)}, "
                + $"cộng {parts} được {VietnameseNumbers.FormatPoints(m.Computed)} (chênh {VietnameseNumbers.FormatPoints(m.Stated - m.Computed)})");
        }
    }

    private static string Index(decimal points, decimal max) =>
        max == 0 ? "—" : VietnameseNumbers.FormatPercent(points / max * 100m);

    private static string Format(decimal? value) => value is { } v ? VietnameseNumbers.FormatPoints(v) : "—";

    private static string Shorten(string title) => title.Length <= TitleWidth ? title : title[..(TitleWidth - 1)] + "…";
}
