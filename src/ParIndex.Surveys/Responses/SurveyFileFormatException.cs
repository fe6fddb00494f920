namespace ParIndex.Surveys.Responses;

/// <summary>A response file whose structure cannot be read (an open quote, a broken workbook).</summary>
public sealed class SurveyFileFormatException : Exception
{
    public SurveyFileFormatException()
        : this("Tệp kết quả khảo sát không đọc được.")
    {
    }

    public SurveyFileFormatException(string message)
        : base(message)
    {
    }

    public SurveyFileFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SurveyFileFormatException(int row, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Row = row;
    }

    public SurveyFileFormatException(int row, int column, string message)
        : base(message)
    {
        Row = row;
        Column = column;
    }

    /// <summary>1-based row where the problem starts, 0 when unknown.</summary>
    public int Row { get; }

    /// <summary>1-based cell of the row where the problem starts, 0 when unknown.</summary>
    public int Column { get; }
}
