namespace ParIndex.Core.Frameworks;

/// <summary>
/// A framework file that cannot be read: broken JSON, a missing or mistyped property.
/// <see cref="Line"/> and <see cref="Column"/> are 1-based and count characters, not bytes, so
/// they match what an editor shows for Vietnamese text.
/// </summary>
public sealed class FrameworkFormatException : Exception
{
    public FrameworkFormatException()
        : this("Tệp bộ tiêu chí không đọc được.")
    {
    }

    public FrameworkFormatException(string message)
        : base(message)
    {
        Detail = message;
    }

    public FrameworkFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    public FrameworkFormatException(string detail, int line, int column, Exception? innerException = null)
        : base($"Dòng {line}, cột {column}: {detail}", innerException)
    {
        Detail = detail;
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the problem, 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column (in characters) of the problem, 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>The message without its position.</summary>
    public string Detail { get; }
}
