namespace ParIndex.Documents.Results;

/// <summary>What a column of a results table holds, and so how a spreadsheet shows it.</summary>
public enum ResultsColumnKind
{
    Text,
    /// <summary>A whole number (rank, count).</summary>
    WholeNumber,

    /// <summary>Points: shown as stored (General), Vietnamese decimal comma where the spreadsheet honours the locale.</summary>
    Points,

    /// <summary>An index in percent: two decimals.</summary>
    Index,
}

/// <param name="PdfWeight">
/// The column's relative width in the PDF; null leaves it out of the PDF (a landscape A4 page holds
/// about a dozen readable columns, the spreadsheet keeps them all).
/// </param>
public sealed record ResultsColumn(string Header, ResultsColumnKind Kind, double? PdfWeight = null);

/// <summary>One cell: text, or a number (kept as a decimal so no figure is rounded on the way out).</summary>
public readonly record struct ResultsValue(string? Text, decimal? Number)
{
    public static ResultsValue Of(string? text) => new(text, null);

    public static ResultsValue Of(decimal? number) => new(null, number);

    public bool IsEmpty => Text is null && Number is null;
}

/// <summary>
/// A campaign's results as a flat table for the spreadsheet and CSV exports: a title, notes (publication
/// state, sample data), the columns and one row per unit.
/// </summary>
public sealed record ResultsTable(string Title, IReadOnlyList<string> Notes, IReadOnlyList<ResultsColumn> Columns, IReadOnlyList<IReadOnlyList<ResultsValue>> Rows);
