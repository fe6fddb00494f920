using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ParIndex.Core.OfficialTables;

/// <summary>
/// Turns the markup that PDF-to-text converters leave in a cell into plain text: <c>&lt;b&gt;</c>
/// and other tags removed, <c>&lt;a href&gt;</c> kept as its text (and the address when it differs),
/// <c>$…$</c> math made readable (<c>\cdot</c> → <c>·</c>), markdown <c>**bold**</c> removed, HTML
/// entities decoded, whitespace collapsed, Unicode in composed form (NFC). Public so that other
/// front ends (xlsx cells with HTML in them) clean text the same way.
/// </summary>
public static partial class TableCellText
{
    /// <summary>Plain text of one cell or one paragraph (no paragraph structure kept).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var s = text.Normalize(NormalizationForm.FormC);
        s = MathFragment().Replace(s, m => ReadableMath(m.Groups["tex"].Value));
        s = Link().Replace(s, LinkText);
        s = ParagraphBreak().Replace(s, " ");
        s = Tag().Replace(s, "");
        s = s.Replace("**", "", StringComparison.Ordinal);
        s = WebUtility.HtmlDecode(s);
        s = Whitespace().Replace(s, " ").Trim();
        return s;
    }

    /// <summary>
    /// Splits a cell into paragraphs at <c>&lt;p&gt;</c>, <c>&lt;/p&gt;</c> and <c>&lt;br&gt;</c>, each cleaned.
    /// <paramref name="startsWithBreak"/> tells whether a paragraph mark comes before any text,
    /// <paramref name="endsWithBreak"/> whether one comes after the last text (the paragraph is closed).
    /// </summary>
    public static IReadOnlyList<string> Paragraphs(string? text, out bool startsWithBreak, out bool endsWithBreak)
    {
        startsWithBreak = endsWithBreak = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var segments = ParagraphBreak().Split(text);
        if (segments.Length > 1)
        {
            startsWithBreak = string.IsNullOrWhiteSpace(Clean(segments[0]));
            endsWithBreak = string.IsNullOrWhiteSpace(Clean(segments[^1]));
        }

        return segments.Select(Clean).Where(p => p.Length > 0).ToList();
    }

    /// <summary>Makes a TeX fragment readable as text: <c>K = (1055 - 857)/1055 \cdot 100</c> → <c>K = (1055 - 857)/1055 · 100</c>.</summary>
    public static string ReadableMath(string tex)
    {
        ArgumentNullException.ThrowIfNull(tex);
        var s = tex;
        // \frac{a}{b} first, while its braces still delimit the operands.
        for (var i = 0; i < 8 && Fraction().IsMatch(s); i++)
        {
            s = Fraction().Replace(s, m => $"{Operand(m.Groups["num"].Value)}/{Operand(m.Groups["den"].Value)}");
        }

        s = TextCommand().Replace(s, m => m.Groups["body"].Value);
        foreach (var (command, symbol) in Symbols)
        {
            s = Regex.Replace(s, Regex.Escape(command) + @"(?![A-Za-z])", symbol, RegexOptions.CultureInvariant);
        }

        s = s.Replace(@"\%", "%", StringComparison.Ordinal)
            .Replace(@"\,", " ", StringComparison.Ordinal)
            .Replace(@"\;", " ", StringComparison.Ordinal)
            .Replace(@"\ ", " ", StringComparison.Ordinal)
            .Replace(@"\{", "(", StringComparison.Ordinal)
            .Replace(@"\}", ")", StringComparison.Ordinal);
        s = UnknownCommand().Replace(s, m => m.Groups["name"].Value);
        s = s.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
        return Whitespace().Replace(s, " ").Trim();
    }

    private static readonly (string Command, string Symbol)[] Symbols =
    [
        (@"\cdot", "·"), (@"\times", "×"), (@"\div", "÷"), (@"\pm", "±"),
        (@"\leq", "≤"), (@"\le", "≤"), (@"\geq", "≥"), (@"\ge", "≥"), (@"\neq", "≠"), (@"\ne", "≠"),
        (@"\approx", "≈"), (@"\sum", "Σ"), (@"\left", ""), (@"\right", ""), (@"\quad", " "),
    ];

    private static string Operand(string text)
    {
        var t = text.Trim();
        return t.Any(c => c is ' ' or '+' or '-' or '*' or '/' or '=' || c == '\\') ? $"({t})" : t;
    }

    private static string LinkText(Match m)
    {
        var href = WebUtility.HtmlDecode(m.Groups["href"].Value).Trim();
        var text = Clean(m.Groups["text"].Value);
        if (text.Length == 0)
        {
            return href;
        }

        return href.Length == 0 || text.Contains(href, StringComparison.OrdinalIgnoreCase) ? text : $"{text} ({href})";
    }

    // Pandoc's rule for inline TeX: no space after the opening $, none before the closing $, and no
    // digit right after it, so "giá 5$ và 10$" stays text. The space a converter leaves before the
    // punctuation that follows the formula ("= 18,77$ .") is dropped.
    [GeneratedRegex(@"\$(?=\S)(?<tex>[^$\r\n]*?\S)\$(?!\d)(?:\s+(?=[.,;:)]))?", RegexOptions.CultureInvariant)]
    private static partial Regex MathFragment();

    // The link text stops at the next tag, so many unclosed <a> tags cannot make the match quadratic;
    // a link whose text holds other tags keeps its text (the tags are stripped later) without the address.
    [GeneratedRegex(@"<a\b[^<>]*?href\s*=\s*(?:""(?<href>[^""]*)""|'(?<href>[^']*)'|(?<href>[^\s>]+))[^<>]*>(?<text>[^<]*)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    [GeneratedRegex(@"<\s*/?\s*p\b[^<>]*>|<\s*br\s*/?\s*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphBreak();

    // Only things that look like tags: "<" then a letter or "/letter"; "a < b" stays.
    [GeneratedRegex(@"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\\d?frac\s*\{(?<num>[^{}]*)\}\s*\{(?<den>[^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Fraction();

    [GeneratedRegex(@"\\(?:text|mathrm|mathit|mathbf|textbf|operatorname)\s*\{(?<body>[^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex TextCommand();

    [GeneratedRegex(@"\\(?<name>[A-Za-z]+)", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownCommand();
}
