namespace ParIndex.Surveys.Responses;

/// <summary>
/// One problem of a response file: 1-based <see cref="Row"/> as a spreadsheet numbers it (the
/// header is row 1) and <see cref="Column"/> (1-based, 0 for the whole row) with its header.
/// </summary>
public sealed record SurveyImportProblem(int Row, int Column, string? ColumnName, string Message)
{
    /// <summary>The spreadsheet letter of the column: 1 → A, 27 → AA; empty for 0.</summary>
    public string ColumnLetter => Letter(Column);

    public override string ToString()
    {
        var where = Row > 0 ? $"Dòng {Row}" : "Tệp";
        if (Column > 0)
        {
            where += string.IsNullOrEmpty(ColumnName) ? $", cột {ColumnLetter}" : $", cột {ColumnLetter} ({ColumnName})";
        }

        return $"{where}: {Message}";
    }

    public static string Letter(int column)
    {
        var letters = "";
        while (column > 0)
        {
            var rest = (column - 1) % 26;
            letters = (char)('A' + rest) + letters;
            column = (column - 1) / 26;
        }

        return letters;
    }
}

/// <summary>Collects problems: the first <see cref="MaxKept"/> are kept, all are counted.</summary>
public sealed class SurveyProblemCollector
{
    public const int MaxKept = 100;

    private readonly List<SurveyImportProblem> kept = [];

    public IReadOnlyList<SurveyImportProblem> Kept => kept;

    public int Total { get; private set; }

    public void Add(int row, int column, string? columnName, string message)
    {
        Total++;
        if (kept.Count < MaxKept)
        {
            kept.Add(new SurveyImportProblem(row, column, columnName, message));
        }
    }

    /// <summary>
    /// Adds problems found after a pass (duplicates) where they belong in row order: each goes after
    /// <c>Offset</c> problems of its row. <paramref name="sorted"/> is in (row, offset) order and holds
    /// the first of <paramref name="total"/> such problems; the kept list stays the first
    /// <see cref="MaxKept"/> in row order. Only kept problems from <paramref name="from"/> on are this file's.
    /// </summary>
    internal void AddInRowOrder(IReadOnlyList<(SurveyImportProblem Problem, int Offset)> sorted, int total, int from)
    {
        Total += total;
        foreach (var (problem, offset) in sorted)
        {
            var start = from;
            while (start < kept.Count && kept[start].Row < problem.Row)
            {
                start++;
            }

            var end = start;
            while (end < kept.Count && kept[end].Row == problem.Row)
            {
                end++;
            }

            // Past the row's kept problems only when some of them were dropped: then this one is dropped too.
            var at = Math.Min(start + offset, end);
            if (at >= MaxKept)
            {
                continue;
            }

            kept.Insert(at, problem);
            if (kept.Count > MaxKept)
            {
                kept.RemoveAt(kept.Count - 1);
            }
        }
    }
}
