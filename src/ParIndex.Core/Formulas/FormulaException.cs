namespace ParIndex.Core.Formulas;

/// <summary>A formula that cannot be parsed or evaluated. The message is for the user (Vietnamese).</summary>
public sealed class FormulaException : Exception
{
    public FormulaException(string message, int position = -1)
        : base(position >= 0 ? $"{message} (vị trí {position + 1})" : message)
    {
        Position = position;
    }

    public FormulaException()
    {
    }

    public FormulaException(string message)
        : this(message, -1)
    {
    }

    public FormulaException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>0-based character position in the formula, or -1 when not tied to a place.</summary>
    public int Position { get; } = -1;
}
