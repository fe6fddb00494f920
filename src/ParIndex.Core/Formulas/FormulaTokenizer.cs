using System.Globalization;

namespace ParIndex.Core.Formulas;

/// <summary>Splits a formula into tokens without recursion, enforcing the token limit as it goes.</summary>
internal static class FormulaTokenizer
{
    public static List<FormulaToken> Tokenize(string text, FormulaLimits limits)
    {
        var tokens = new List<FormulaToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (tokens.Count >= limits.MaxTokens)
            {
                throw new FormulaException($"Công thức quá dài: tối đa {limits.MaxTokens} thành phần", i);
            }

            var start = i;
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var literal = text[start..i];
                if (!decimal.TryParse(literal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    throw new FormulaException($"Số không hợp lệ '{literal}' (dùng dấu chấm cho phần thập phân)", start);
                }

                tokens.Add(new FormulaToken(TokenKind.Number, start, literal, number));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new FormulaToken(TokenKind.Identifier, start, text[start..i]));
                continue;
            }

            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            (TokenKind kind, int length) = c switch
            {
                '+' => (TokenKind.Plus, 1),
                '-' or '−' => (TokenKind.Minus, 1),
                '*' or '×' or '·' => (TokenKind.Star, 1),
                '/' or ':' => (TokenKind.Slash, 1),
                '(' => (TokenKind.LeftParen, 1),
                ')' => (TokenKind.RightParen, 1),
                ',' or ';' => (TokenKind.Comma, 1),
                '<' when next == '=' => (TokenKind.LessEqual, 2),
                '<' when next == '>' => (TokenKind.NotEqual, 2),
                '<' => (TokenKind.Less, 1),
                '>' when next == '=' => (TokenKind.GreaterEqual, 2),
                '>' => (TokenKind.Greater, 1),
                '=' when next == '=' => (TokenKind.Equal, 2),
                '=' => (TokenKind.Equal, 1),
                '!' when next == '=' => (TokenKind.NotEqual, 2),
                _ => throw new FormulaException($"Ký tự không được phép '{c}'", i),
            };
            tokens.Add(new FormulaToken(kind, start, text.Substring(start, length)));
            i += length;
        }

        tokens.Add(new FormulaToken(TokenKind.End, text.Length));
        return tokens;
    }

    /// <summary>Nesting depth of parentheses and unary signs, counted iteratively.</summary>
    public static void CheckDepth(List<FormulaToken> tokens, FormulaLimits limits)
    {
        var depth = 0;
        var unaryRun = 0;
        var previous = TokenKind.LeftParen;
        foreach (var token in tokens)
        {
            switch (token.Kind)
            {
                case TokenKind.LeftParen:
                    depth++;
                    if (depth > limits.MaxDepth)
                    {
                        throw new FormulaException($"Công thức lồng quá sâu: tối đa {limits.MaxDepth} cấp ngoặc", token.Position);
                    }

                    break;
                case TokenKind.RightParen:
                    depth--;
                    if (depth < 0)
                    {
                        throw new FormulaException("Thừa dấu ngoặc đóng ')'", token.Position);
                    }

                    break;
                case TokenKind.Plus or TokenKind.Minus when IsOperandStart(previous):
                    unaryRun++;
                    if (unaryRun > limits.MaxDepth)
                    {
                        throw new FormulaException("Quá nhiều dấu liên tiếp", token.Position);
                    }

                    break;
                default:
                    break;
            }

            if (token.Kind is not (TokenKind.Plus or TokenKind.Minus))
            {
                unaryRun = 0;
            }

            previous = token.Kind;
        }

        if (depth > 0)
        {
            throw new FormulaException("Thiếu dấu ngoặc đóng ')'", tokens[^1].Position);
        }
    }

    // A sign is unary where an operand is expected: at the start, after an operator, '(' or ','.
    private static bool IsOperandStart(TokenKind previous) =>
        previous is not (TokenKind.Number or TokenKind.Identifier or TokenKind.RightParen);
}
