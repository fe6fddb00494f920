namespace ParIndex.Core.Formulas;

/// <summary>
/// Bounds on a formula, checked before parsing: a formula is user data, and an unbounded one
/// (100,000 terms, 10,000 nested parentheses) would overflow the stack and kill the process.
/// </summary>
public sealed record FormulaLimits(int MaxLength = 2_000, int MaxTokens = 400, int MaxDepth = 24)
{
    public static readonly FormulaLimits Default = new();
}
