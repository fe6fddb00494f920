namespace ParIndex.Core.Surveys;

/// <summary>
/// A questionnaire file that cannot be read. <see cref="Path"/> names the place in the file
/// (<c>questions[2].scale.options[0].share</c>); <see cref="Line"/> is set for JSON syntax errors.
/// </summary>
public sealed class QuestionnaireFormatException : Exception
{
    public QuestionnaireFormatException()
        : this("Tệp phiếu khảo sát không đọc được.")
    {
    }

    public QuestionnaireFormatException(string message)
        : base(message)
    {
        Detail = message;
    }

    public QuestionnaireFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    public QuestionnaireFormatException(string path, string detail, int line = 0, Exception? innerException = null)
        : base(line > 0 ? $"Dòng {line}: {detail}" : $"{path}: {detail}", innerException)
    {
        Path = path;
        Detail = detail;
        Line = line;
    }

    /// <summary>JSON path of the problem, empty when unknown.</summary>
    public string Path { get; } = "";

    /// <summary>1-based line for syntax errors, 0 otherwise.</summary>
    public int Line { get; }

    /// <summary>The message without its position.</summary>
    public string Detail { get; }
}
