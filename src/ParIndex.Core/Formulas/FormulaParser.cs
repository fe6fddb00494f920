namespace ParIndex.Core.Formulas;

/// <summary>
/// Parses formulas such as <c>max * min(1, ((base - now) / base * 100) / 20)</c>.
/// Grammar (lowest precedence first): comparison (&lt; &lt;= &gt; &gt;= = != &lt;&gt;), + -, * /, unary ±,
/// primary (number with a dot decimal, variable, function call from the allow-list, parentheses).
/// Length, token count and nesting depth are checked before the recursive descent starts.
/// </summary>
public static class FormulaParser
{
    public static Formula Parse(string text, FormulaLimits? limits = null)
    {
        limits ??= FormulaLimits.Default;
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > limits.MaxLength)
        {
            throw new FormulaException($"Công thức quá dài: {text.Length} ký tự, tối đa {limits.MaxLength}");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormulaException("Công thức trống");
        }

        var tokens = FormulaTokenizer.Tokenize(text, limits);
        FormulaTokenizer.CheckDepth(tokens, limits);
        var parser = new Cursor(tokens);
        var variables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var root = parser.ParseComparison(variables);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw new FormulaException($"Không mong đợi '{parser.Current.Text}'", parser.Current.Position);
        }

        return new Formula(text, root, variables);
    }

    /// <summary>Parses without throwing; the error is the user message.</summary>
    public static bool TryParse(string text, out Formula? formula, out string? error, FormulaLimits? limits = null)
    {
        try
        {
            formula = Parse(text, limits);
            error = null;
            return true;
        }
        catch (FormulaException ex)
        {
            formula = null;
            error = ex.Message;
            return false;
        }
    }

    private sealed class Cursor(List<FormulaToken> tokens)
    {
        private int index;

        public FormulaToken Current => tokens[index];

        private FormulaToken Take() => tokens[index++];

        public FormulaNode ParseComparison(HashSet<string> variables)
        {
            var left = ParseAdditive(variables);
            while (Current.Kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual
                   or TokenKind.Equal or TokenKind.NotEqual)
            {
                var op = Take().Kind;
                left = new BinaryNode(op, left, ParseAdditive(variables));
            }

            return left;
        }

        private FormulaNode ParseAdditive(HashSet<string> variables)
        {
            var left = ParseMultiplicative(variables);
            while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
            {
                var op = Take().Kind;
                left = new BinaryNode(op, left, ParseMultiplicative(variables));
            }

            return left;
        }

        private FormulaNode ParseMultiplicative(HashSet<string> variables)
        {
            var left = ParseUnary(variables);
            while (Current.Kind is TokenKind.Star or TokenKind.Slash)
            {
                var op = Take().Kind;
                left = new BinaryNode(op, left, ParseUnary(variables));
            }

            return left;
        }

        // Signs are folded in a loop, not by recursion.
        private FormulaNode ParseUnary(HashSet<string> variables)
        {
            var negative = false;
            while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
            {
                negative ^= Take().Kind == TokenKind.Minus;
            }

            var operand = ParsePrimary(variables);
            return negative ? new NegateNode(operand) : operand;
        }

        private FormulaNode ParsePrimary(HashSet<string> variables)
        {
            var token = Take();
            switch (token.Kind)
            {
                case TokenKind.Number:
                    return new NumberNode(token.Number);
                case TokenKind.LeftParen:
                    {
                        var inner = ParseComparison(variables);
                        Expect(TokenKind.RightParen, "Thiếu dấu ngoặc đóng ')'");
                        return inner;
                    }

                case TokenKind.Identifier when Current.Kind == TokenKind.LeftParen:
                    return ParseCall(token, variables);
                case TokenKind.Identifier:
                    variables.Add(token.Text);
                    return new VariableNode(token.Text, token.Position);
                case TokenKind.End:
                    throw new FormulaException("Công thức kết thúc đột ngột", token.Position);
                default:
                    throw new FormulaException($"Không mong đợi '{token.Text}'", token.Position);
            }
        }

        private CallNode ParseCall(FormulaToken name, HashSet<string> variables)
        {
            if (!FormulaFunctions.TryGet(name.Text, out var entry))
            {
                throw new FormulaException(
                    $"Hàm '{name.Text}' không được phép; dùng: {string.Join(", ", FormulaFunctions.Names)}", name.Position);
            }

            Take(); // (
            var arguments = new List<FormulaNode>();
            if (Current.Kind != TokenKind.RightParen)
            {
                arguments.Add(ParseComparison(variables));
                while (Current.Kind == TokenKind.Comma)
                {
                    Take();
                    arguments.Add(ParseComparison(variables));
                }
            }

            Expect(TokenKind.RightParen, "Thiếu dấu ngoặc đóng ')' sau các tham số");
            if (arguments.Count < entry.MinArgs || arguments.Count > entry.MaxArgs)
            {
                throw new FormulaException(
                    $"Hàm '{name.Text}' cần từ {entry.MinArgs} đến {entry.MaxArgs} tham số, có {arguments.Count}", name.Position);
            }

            return new CallNode(entry.Function, arguments);
        }

        private void Expect(TokenKind kind, string message)
        {
            if (Current.Kind != kind)
            {
                throw new FormulaException(message, Current.Position);
            }

            Take();
        }
    }
}
