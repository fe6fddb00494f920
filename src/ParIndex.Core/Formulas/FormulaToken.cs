namespace ParIndex.Core.Formulas;

internal enum TokenKind
{
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    LeftParen,
    RightParen,
    Comma,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
    End,
}

internal readonly record struct FormulaToken(TokenKind Kind, int Position, string Text = "", decimal Number = 0m);
