using ParIndex.Core.Numbers;

namespace ParIndex.Core.Formulas;

/// <summary>A value that a formula reads, as a reader should see it: its label and the number it had.</summary>
public sealed record FormulaWordsInput(string Label, decimal Value);

/// <summary>
/// A formula written for a reader, in Vietnamese: each variable by its label and value, the operators
/// as ×, ÷, −, the functions in words. <c>max * min(1, now / base)</c> with Năm cơ sở = 120 and
/// Năm đánh giá = 100 reads <c>Điểm chuẩn (1) × nhỏ nhất của (1; Năm đánh giá (100) ÷ Năm cơ sở (120))</c>.
/// Parentheses appear only where the order of operations needs them.
/// </summary>
public static class FormulaWords
{
    private const int Comparison = 1;
    private const int Additive = 2;
    private const int Multiplicative = 3;
    private const int Unary = 4;
    private const int Atom = 5;

    /// <summary>Renders <paramref name="formula"/>; a variable missing from <paramref name="inputs"/> is shown by its name.</summary>
    public static string Describe(Formula formula, IReadOnlyDictionary<string, FormulaWordsInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(inputs);
        var lookup = new Dictionary<string, FormulaWordsInput>(inputs, StringComparer.OrdinalIgnoreCase);
        return Render(formula.Root, lookup).Text;
    }

    private static (string Text, int Precedence) Render(FormulaNode node, Dictionary<string, FormulaWordsInput> inputs) => node switch
    {
        NumberNode n => (Number(n.Value), Atom),
        VariableNode v => (inputs.TryGetValue(v.Name, out var input) ? $"{input.Label} ({Number(input.Value)})" : v.Name, Atom),
        NegateNode n => ("−" + Wrap(Render(n.Operand, inputs), Unary), Unary),
        BinaryNode b => Binary(b, inputs),
        CallNode c => (Call(c, inputs), Atom),
        _ => throw new InvalidOperationException($"Unknown formula node {node.GetType().Name}"),
    };

    private static (string Text, int Precedence) Binary(BinaryNode node, Dictionary<string, FormulaWordsInput> inputs)
    {
        var (symbol, precedence) = node.Operator switch
        {
            TokenKind.Plus => ("+", Additive),
            TokenKind.Minus => ("−", Additive),
            TokenKind.Star => ("×", Multiplicative),
            TokenKind.Slash => ("÷", Multiplicative),
            TokenKind.Less => ("<", Comparison),
            TokenKind.LessEqual => ("≤", Comparison),
            TokenKind.Greater => (">", Comparison),
            TokenKind.GreaterEqual => ("≥", Comparison),
            TokenKind.Equal => ("=", Comparison),
            TokenKind.NotEqual => ("≠", Comparison),
            _ => throw new InvalidOperationException($"Unknown operator {node.Operator}"),
        };

        // Operators are left-associative: the right operand needs parentheses at the same level.
        var left = Wrap(Render(node.Left, inputs), precedence);
        var right = Wrap(Render(node.Right, inputs), precedence + 1);
        return ($"{left} {symbol} {right}", precedence);
    }

    private static string Call(CallNode node, Dictionary<string, FormulaWordsInput> inputs)
    {
        var args = node.Arguments.Select(a => Render(a, inputs).Text).ToList();
        return node.Function switch
        {
            FormulaFunction.Min => $"nhỏ nhất của ({string.Join("; ", args)})",
            FormulaFunction.Max => $"lớn nhất của ({string.Join("; ", args)})",
            FormulaFunction.Abs => $"giá trị tuyệt đối của ({args[0]})",
            FormulaFunction.Round => args.Count > 1 ? $"làm tròn ({args[0]}) đến {args[1]} chữ số thập phân" : $"làm tròn ({args[0]})",
            FormulaFunction.Floor => $"làm tròn xuống ({args[0]})",
            FormulaFunction.Ceiling => $"làm tròn lên ({args[0]})",
            FormulaFunction.If => $"nếu ({args[0]}) thì ({args[1]}), ngược lại ({args[2]})",
            _ => throw new InvalidOperationException($"Unknown function {node.Function}"),
        };
    }

    private static string Wrap((string Text, int Precedence) part, int needed) =>
        part.Precedence < needed ? "(" + part.Text + ")" : part.Text;

    private static string Number(decimal value) =>
        value == Math.Round(value, 4) ? VietnameseNumbers.FormatPoints(value) : value.ToString("#,##0.############", VietnameseNumbers.Culture);

    /// <summary>The label a formula's <c>max</c> variable (the leaf's maximum points) is shown with: the official tables' "Điểm chuẩn" (ADR 0137).</summary>
    public const string MaxLabel = "Điểm chuẩn";
}
