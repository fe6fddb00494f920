namespace ParIndex.Core.OfficialTables;

/// <summary>
/// The document cannot be read as an official table (empty, binary, no table, a duplicate code,
/// a code without its parent, a number that does not parse, …). <see cref="Exception.Message"/> is
/// a Vietnamese sentence for the user that starts with the location (<c>Dòng 12: …</c>); the
/// English gist follows in parentheses.
/// </summary>
public sealed class OfficialTableFormatException : Exception
{
    public OfficialTableFormatException()
        : this(1, "Tệp không đọc được (unreadable document).")
    {
    }

    public OfficialTableFormatException(string message)
        : this(1, message)
    {
    }

    public OfficialTableFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Line = 1;
        Problem = message;
    }

    /// <param name="line">1-based line of the text (or row of the sheet) where the problem is.</param>
    /// <param name="problem">What is wrong, without the location.</param>
    /// <param name="column">The column's name when the problem is in one cell (e.g. <c>Điểm chuẩn</c>).</param>
    public OfficialTableFormatException(int line, string problem, string? column = null)
        : base(FormatMessage(line, problem, column))
    {
        Line = line;
        Problem = problem;
        Column = column;
    }

    /// <summary>The 1-based line (or sheet row) where the problem is.</summary>
    public int Line { get; }

    /// <summary>The column's name when the problem is in one cell, otherwise null.</summary>
    public string? Column { get; }

    /// <summary>The problem without its location.</summary>
    public string Problem { get; }

    private static string FormatMessage(int line, string problem, string? column) =>
        column is null ? $"Dòng {line}: {problem}" : $"Dòng {line}, cột {column}: {problem}";
}
