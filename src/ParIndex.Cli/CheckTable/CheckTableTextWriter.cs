using ParIndex.Core.Numbers;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Cli.CheckTable;

/// <summary>
/// The human-readable output: per field code, title, points, maximum and component index, the
/// total and index, then the mismatches (or "Không có sai lệch"). Points are the document's stated
/// figures, except where a field's stated subtotal is wrong or empty: there the sum of its criteria
/// is shown, marked "(cộng)" beside what the table states, so the fields add up to the total shown
/// (which is always the sum of the criteria). Fields with any problem are starred.
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
        var wrongSums = mismatches.Where(m => m.What is OfficialTableVerifier.ScoreKind or OfficialTableVerifier.MaxKind)
            .Select(m => (m.Code, m.What)).ToHashSet();
        output.WriteLine($"{"Mã",-5} {"Lĩnh vực".PadRight(TitleWidth)} {"Điểm",13} {"Điểm chuẩn",13} {"Chỉ số",8}");
        foreach (var field in table.Rows)
        {
            // A wrong subtotal is replaced by what its criteria add up to, and said so, so that the
            // printed fields add up to the total printed under them.
            var scoreWrong = wrongSums.Contains((field.Code, OfficialTableVerifier.ScoreKind));
            var maxWrong = wrongSums.Contains((field.Code, OfficialTableVerifier.MaxKind));
            var points = scoreWrong ? field.ComputedScore : field.Score ?? field.ComputedScore;
            var max = maxWrong ? field.ComputedMax : field.Max;
            var notes = new List<string>();
            if (scoreWrong)
            {
                notes.Add($"biểu ghi điểm {VietnameseNumbers.FormatPoints(field.Score!.Value)}");
            }

            if (maxWrong)
            {
                notes.Add($"biểu ghi điểm chuẩn {VietnameseNumbers.FormatPoints(field.Max)}");
            }

            var star = field.SelfAndDescendants().Any(r => flagged.Contains(r.Code)) ? " *" : "";
            var note = notes.Count > 0 ? $" ({string.Join("; ", notes)})" : "";
            output.WriteLine($"{field.Code,-5} {Shorten(field.Title).PadRight(TitleWidth)} {Figure(points, scoreWrong),13} "
                + $"{Figure(max, maxWrong),13} {Index(points, max),8}{star}{note}");
        }

        if (wrongSums.Any(w => table.Rows.Any(f => f.Code == w.Code)))
        {
            output.WriteLine("(cộng) = tổng các tiêu chí của lĩnh vực, thay cho số biểu ghi sai; các số khác là số biểu ghi.");
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
            output.WriteLine("Không có sai lệch: mọi điểm tổng hợp khớp với tổng của các hàng con, mọi điểm nằm trong khoảng 0 đến điểm chuẩn.");
            return;
        }

        output.WriteLine($"Sai lệch ({mismatches.Count}):");
        foreach (var m in mismatches)
        {
            var isTotal = m.Code == OfficialTableVerifier.TotalCode;
            var at = m.Line is > 0 ? $" (dòng {m.Line})" : "";
            var stated = VietnameseNumbers.FormatPoints(m.Stated);
            var computed = VietnameseNumbers.FormatPoints(m.Computed);
            var text = m.What switch
            {
                OfficialTableVerifier.AboveMaxKind => $"điểm tự đánh giá {stated} lớn hơn điểm chuẩn {computed}",
                OfficialTableVerifier.NegativeKind => $"điểm tự đánh giá {stated} là số âm",
                _ => $"{(m.What == OfficialTableVerifier.MaxKind ? "điểm chuẩn" : "điểm tự đánh giá")} ghi {stated}, "
                    + $"cộng {(isTotal ? "các lĩnh vực" : "các hàng con")} được {computed} (chênh {VietnameseNumbers.FormatPoints(m.Stated - m.Computed)})",
            };
            output.WriteLine($"  {m.Code}{at}: {text}");
        }
    }

    private static string Figure(decimal value, bool computed) =>
        VietnameseNumbers.FormatPoints(value) + (computed ? " (cộng)" : "");

    private static string Index(decimal points, decimal max) =>
        max == 0 ? "—" : VietnameseNumbers.FormatPercent(points / max * 100m);

    private static string Format(decimal? value) => value is { } v ? VietnameseNumbers.FormatPoints(v) : "—";

    private static string Shorten(string title) => title.Length <= TitleWidth ? title : title[..(TitleWidth - 1)] + "…";
}
