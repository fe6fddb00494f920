namespace ParIndex.Core.OfficialTables;

/// <summary>
/// Checks a table's own arithmetic: every stated subtotal (points and maxima) against what its
/// leaves add up to, and the TỔNG ĐIỂM row against the fields. Sums are taken from the leaves up
/// (<see cref="OfficialTableRow.ComputedScore"/>), not from the children's stated figures, so one
/// wrong leaf is reported at every ancestor whose stated figure no longer adds up.
/// Comparison is exact (decimal): a stated subtotal rounded to fewer decimals is a mismatch.
/// </summary>
public static class OfficialTableVerifier
{
    /// <summary>The code used in a <see cref="TableMismatch"/> for the TỔNG ĐIỂM row.</summary>
    public const string TotalCode = "TỔNG ĐIỂM";

    public const string MaxKind = "max";

    public const string ScoreKind = "score";

    /// <summary>A stated score above the row's maximum (<see cref="TableMismatch.Computed"/> holds the maximum).</summary>
    public const string AboveMaxKind = "above-max";

    /// <summary>A stated score below zero.</summary>
    public const string NegativeKind = "negative";

    /// <summary>The mismatches in document order (parents before children), the total last; empty when consistent.</summary>
    public static IReadOnlyList<TableMismatch> Verify(OfficialTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var mismatches = new List<TableMismatch>();
        foreach (var row in table.AllRows())
        {
            if (!row.IsLeaf && row.Max != row.ComputedMax)
            {
                mismatches.Add(new TableMismatch(row.Code, MaxKind, row.Max, row.ComputedMax, row.SourceLine));
            }

            // An empty subtotal cell states nothing, so it cannot be wrong.
            if (!row.IsLeaf && row.Score is { } score && score != row.ComputedScore)
            {
                mismatches.Add(new TableMismatch(row.Code, ScoreKind, score, row.ComputedScore, row.SourceLine));
            }

            AddRange(mismatches, row.Code, row.Score, row.Max, row.SourceLine);
        }

        if (table.StatedTotalMax is { } totalMax && totalMax != table.ComputedTotalMax)
        {
            mismatches.Add(new TableMismatch(TotalCode, MaxKind, totalMax, table.ComputedTotalMax, table.TotalSourceLine));
        }

        if (table.StatedTotalScore is { } totalScore && totalScore != table.ComputedTotalScore)
        {
            mismatches.Add(new TableMismatch(TotalCode, ScoreKind, totalScore, table.ComputedTotalScore, table.TotalSourceLine));
        }

        AddRange(mismatches, TotalCode, table.StatedTotalScore, table.StatedTotalMax ?? table.ComputedTotalMax, table.TotalSourceLine);

        return mismatches;
    }

    /// <summary>A score must lie in [0, max]: the sums can add up and still be impossible (a field index of 105 %).</summary>
    private static void AddRange(List<TableMismatch> mismatches, string code, decimal? score, decimal max, int? line)
    {
        if (score is not { } s)
        {
            return;
        }

        if (s < 0)
        {
            mismatches.Add(new TableMismatch(code, NegativeKind, s, 0m, line));
        }
        else if (s > max)
        {
            mismatches.Add(new TableMismatch(code, AboveMaxKind, s, max, line));
        }
    }
}
