namespace ParIndex.Core.Formulas;

/// <summary>The allow-list of functions a formula may call.</summary>
public enum FormulaFunction
{
    Min,
    Max,
    Abs,
    Round,
    Floor,
    Ceiling,
    If,
}

internal static class FormulaFunctions
{
    private static readonly Dictionary<string, (FormulaFunction Function, int MinArgs, int MaxArgs)> Known =
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["min"] = (FormulaFunction.Min, 1, 64),
            ["max"] = (FormulaFunction.Max, 1, 64),
            ["abs"] = (FormulaFunction.Abs, 1, 1),
            ["round"] = (FormulaFunction.Round, 1, 2),
            ["floor"] = (FormulaFunction.Floor, 1, 1),
            ["ceiling"] = (FormulaFunction.Ceiling, 1, 1),
            ["ceil"] = (FormulaFunction.Ceiling, 1, 1),
            ["if"] = (FormulaFunction.If, 3, 3),
        };

    public static IEnumerable<string> Names => Known.Keys;

    public static bool TryGet(string name, out (FormulaFunction Function, int MinArgs, int MaxArgs) entry) =>
        Known.TryGetValue(name, out entry);
}
