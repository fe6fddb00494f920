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

    /// <summary>The mismatches in document order (parents before children), the total last; empty when consistent.</summary>
    public static IReadOnlyList<TableMismatch> Verify(OfficialTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var mismatches = new List<TableMismatch>();
        foreach (var row in table.AllRows().Where(r => !r.IsLeaf))
        {
            if (row.Max != row.ComputedMax)
            {
                mismatches.Add(new TableMismatch(row.Code, MaxKind, row.Max, row.ComputedMax));
            }

            // An empty subtotal cell states nothing, so it cannot be wrong.
            if (row.Score is { } score && score != row.ComputedScore)
            {
                mismatches.Add(new TableMismatch(row.Code, ScoreKind, score, row.ComputedScore));
            }
        }

        if (table.StatedTotalMax is { } totalMax && totalMax != table.ComputedTotalMax)
        {
            mismatches.Add(new TableMismatch(TotalCode, MaxKind, totalMax, table.ComputedTotalMax));
        }

        if (table.StatedTotalScore is { } totalScore && totalScore != table.ComputedTotalScore)
        {
            mismatches.Add(new TableMismatch(TotalCode, ScoreKind, totalScore, table.ComputedTotalScore));
        }

        return mismatches;
    }
}
