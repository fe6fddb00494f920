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
}
