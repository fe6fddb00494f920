namespace ParIndex.Core.OfficialTables;

/// <summary>One problem that makes a document unreadable as a table, with where it is.</summary>
/// <param name="Line">1-based line of the text, row of the sheet, or line of the PDF (counted over all pages).</param>
/// <param name="Column">The column's name when the problem is in one cell (e.g. <c>Điểm chuẩn</c>), otherwise null.</param>
/// <param name="Problem">What is wrong, without the location.</param>
/// <param name="Cell">Where a person finds it in the file when that is not just the line: <c>D12</c> in a sheet, <c>trang 2</c> in a PDF.</param>
public sealed record OfficialTableProblem(int Line, string? Column, string Problem, string? Cell = null)
{
    /// <summary>The Vietnamese sentence shown to the user: <c>Dòng 12, cột Điểm chuẩn: … [D12]</c>.</summary>
    public string Message
    {
        get
        {
            var where = Column is null ? $"Dòng {Line}" : $"Dòng {Line}, cột {Column}";
            return Cell is null ? $"{where}: {Problem}" : $"{where}: {Problem} [{Cell}]";
        }
    }
}

/// <summary>
/// The document cannot be read as an official table (empty, binary, no table, a duplicate code,
/// a code without its parent, a number that does not parse, …). <see cref="Exception.Message"/> is
/// a Vietnamese sentence for the user that starts with the location (<c>Dòng 12: …</c>); the
/// English gist follows in parentheses. Where the rest of the document could still be read, every
/// problem found is in <see cref="Problems"/> (the first one is <see cref="Line"/>/<see cref="Problem"/>).
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
        Problems = [new OfficialTableProblem(1, null, message)];
    }

    /// <param name="line">1-based line of the text (or row of the sheet) where the problem is.</param>
    /// <param name="problem">What is wrong, without the location.</param>
    /// <param name="column">The column's name when the problem is in one cell (e.g. <c>Điểm chuẩn</c>).</param>
    public OfficialTableFormatException(int line, string problem, string? column = null)
        : this([new OfficialTableProblem(line, column, problem)])
    {
    }

    /// <summary>Several problems of one document, in document order; at least one.</summary>
    public OfficialTableFormatException(IReadOnlyList<OfficialTableProblem> problems)
        : base(FormatMessage(problems))
    {
        ArgumentNullException.ThrowIfNull(problems);
        Problems = problems;
        Line = problems[0].Line;
        Problem = problems[0].Problem;
        Column = problems[0].Column;
        Cell = problems[0].Cell;
    }

    /// <summary>The 1-based line (or sheet row) where the (first) problem is.</summary>
    public int Line { get; }

    /// <summary>The column's name when the problem is in one cell, otherwise null.</summary>
    public string? Column { get; }

    /// <summary>The cell (<c>D12</c>) or page (<c>trang 2</c>) of the first problem when the reader knows it.</summary>
    public string? Cell { get; }

    /// <summary>The (first) problem without its location.</summary>
    public string Problem { get; }

    /// <summary>Every problem found, in document order.</summary>
    public IReadOnlyList<OfficialTableProblem> Problems { get; }

    private static string FormatMessage(IReadOnlyList<OfficialTableProblem> problems)
    {
        if (problems is null || problems.Count == 0)
        {
            throw new ArgumentException("At least one problem.", nameof(problems));
        }

        return problems.Count == 1
            ? problems[0].Message
            : $"{problems[0].Message} (và {problems.Count - 1} lỗi khác; and {problems.Count - 1} more)";
    }
}
