using ParIndex.Core.Formulas;

namespace ParIndex.Core.Frameworks;

/// <summary>The expression rule's formula check, kept apart: it is the validator's only tie to <see cref="FormulaParser"/>.</summary>
public static partial class FrameworkValidator
{
    /// <summary>The variable every formula may read besides its inputs: the leaf's maximum.</summary>
    public const string MaxVariable = "max";

    private static void CheckFormula(string code, ExpressionRule rule, List<FrameworkProblem> problems)
    {
        Formula formula;
        try
        {
            formula = FormulaParser.Parse(rule.Formula);
        }
        catch (FormulaException ex)
        {
            problems.Add(new(code, $"Công thức \"{rule.Formula}\" không hợp lệ: {ex.Message}."));
            return;
        }

        // The evaluator treats names case-insensitively, and so does this check.
        var declared = new HashSet<string>(rule.Inputs.Select(i => i.Name), StringComparer.OrdinalIgnoreCase) { MaxVariable };
        foreach (var name in formula.Variables.Where(v => !declared.Contains(v)).Order(StringComparer.Ordinal))
        {
            problems.Add(new(code, $"Công thức dùng biến \"{name}\" chưa được khai báo trong inputs (chỉ được dùng các biến đầu vào và max)."));
        }

        foreach (var input in rule.Inputs.Where(i => !formula.Variables.Contains(i.Name)))
        {
            problems.Add(new(code, $"Biến đầu vào \"{input.Name}\" được khai báo nhưng công thức không dùng đến."));
        }
    }
}
