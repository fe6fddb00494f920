namespace ParIndex.Core.Formulas;

/// <summary>A parsed, bounded formula. Evaluation uses decimal arithmetic only.</summary>
public sealed class Formula
{
    private readonly FormulaNode root;

    internal Formula(string text, FormulaNode root, IReadOnlySet<string> variables)
    {
        Text = text;
        this.root = root;
        Variables = variables;
    }

    public string Text { get; }

    /// <summary>The parsed tree, read by <see cref="FormulaWords"/>.</summary>
    internal FormulaNode Root => root;

    /// <summary>The names the formula reads (case-insensitive).</summary>
    public IReadOnlySet<string> Variables { get; }

    /// <summary>Evaluates; division by zero yields 0 (see <see cref="EvaluateDetailed"/>).</summary>
    public decimal Evaluate(IReadOnlyDictionary<string, decimal> values) => EvaluateDetailed(values).Value;

    /// <summary>Evaluates and tells whether a division by zero occurred. Overflow is a <see cref="FormulaException"/>.</summary>
    public FormulaEvaluation EvaluateDetailed(IReadOnlyDictionary<string, decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var context = new EvaluationContext(values);
        try
        {
            var value = root.Evaluate(context);
            return new FormulaEvaluation(value, context.DividedByZero);
        }
        catch (OverflowException)
        {
            throw new FormulaException("Kết quả vượt quá giới hạn số");
        }
    }

    public override string ToString() => Text;
}

/// <summary>The value of a formula and whether a division by zero (defined as 0) happened.</summary>
public readonly record struct FormulaEvaluation(decimal Value, bool DividedByZero);
