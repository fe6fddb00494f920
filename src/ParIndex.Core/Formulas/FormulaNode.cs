namespace ParIndex.Core.Formulas;

/// <summary>The parsed tree of a formula. Its depth is bounded by <see cref="FormulaLimits"/>.</summary>
internal abstract record FormulaNode
{
    public abstract decimal Evaluate(EvaluationContext context);
}

internal sealed record NumberNode(decimal Value) : FormulaNode
{
    public override decimal Evaluate(EvaluationContext context) => Value;
}

internal sealed record VariableNode(string Name, int Position) : FormulaNode
{
    public override decimal Evaluate(EvaluationContext context) => context.Lookup(Name, Position);
}

internal sealed record NegateNode(FormulaNode Operand) : FormulaNode
{
    public override decimal Evaluate(EvaluationContext context) => -Operand.Evaluate(context);
}

internal sealed record BinaryNode(TokenKind Operator, FormulaNode Left, FormulaNode Right) : FormulaNode
{
    public override decimal Evaluate(EvaluationContext context)
    {
        var left = Left.Evaluate(context);
        var right = Right.Evaluate(context);
        return Operator switch
        {
            TokenKind.Plus => left + right,
            TokenKind.Minus => left - right,
            TokenKind.Star => left * right,
            TokenKind.Slash => context.Divide(left, right),
            TokenKind.Less => left < right ? 1m : 0m,
            TokenKind.LessEqual => left <= right ? 1m : 0m,
            TokenKind.Greater => left > right ? 1m : 0m,
            TokenKind.GreaterEqual => left >= right ? 1m : 0m,
            TokenKind.Equal => left == right ? 1m : 0m,
            TokenKind.NotEqual => left != right ? 1m : 0m,
            _ => throw new InvalidOperationException($"Unknown operator {Operator}"),
        };
    }
}

internal sealed record CallNode(FormulaFunction Function, IReadOnlyList<FormulaNode> Arguments) : FormulaNode
{
    public override decimal Evaluate(EvaluationContext context)
    {
        // if() evaluates only the branch it takes.
        if (Function == FormulaFunction.If)
        {
            return Arguments[0].Evaluate(context) != 0m ? Arguments[1].Evaluate(context) : Arguments[2].Evaluate(context);
        }

        var values = new decimal[Arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Arguments[i].Evaluate(context);
        }

        return Function switch
        {
            FormulaFunction.Min => values.Min(),
            FormulaFunction.Max => values.Max(),
            FormulaFunction.Abs => Math.Abs(values[0]),
            FormulaFunction.Round => Math.Round(values[0], values.Length > 1 ? (int)Math.Clamp(values[1], 0, 28) : 0, MidpointRounding.AwayFromZero),
            FormulaFunction.Floor => Math.Floor(values[0]),
            FormulaFunction.Ceiling => Math.Ceiling(values[0]),
            _ => throw new InvalidOperationException($"Unknown function {Function}"),
        };
    }
}

/// <summary>Variables and the record of what happened during one evaluation.</summary>
internal sealed class EvaluationContext(IReadOnlyDictionary<string, decimal> values)
{
    public bool DividedByZero { get; private set; }

    public decimal Lookup(string name, int position)
    {
        if (values.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var pair in values)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        throw new FormulaException($"Thiếu giá trị của '{name}'", position);
    }

    /// <summary>Division by zero is defined as 0 (nothing to measure earns nothing) and recorded.</summary>
    public decimal Divide(decimal left, decimal right)
    {
        if (right == 0m)
        {
            DividedByZero = true;
            return 0m;
        }

        return left / right;
    }
}
