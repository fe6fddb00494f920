using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// Normalises criterion titles so that two versions of a framework can be matched by wording:
/// Unicode NFC, lower case, punctuation and symbols dropped, whitespace collapsed, leading
/// numbering (<c>1.3.</c>, <c>a)</c>) removed. Diacritics are kept: in Vietnamese they make
/// different words ("Cải cách" is not "Cài cách"); <see cref="WithoutDiacritics"/> is the weaker
/// key for a second pass.
/// </summary>
public static partial class TitleNormalizer
{
    /// <summary>The matching key of a title; empty when nothing but numbering and punctuation is left.</summary>
    public static string Normalize(string? title)
    {
        if (string.IsNullOrEmpty(title))
        {
            return "";
        }

        var text = LeadingNumbering().Replace(title.Normalize(NormalizationForm.FormC), "");
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsControl(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The key with diacritics removed (<c>đ</c> → <c>d</c>): a weaker match, to be marked as such.</summary>
    public static string WithoutDiacritics(string? title)
    {
        var decomposed = Normalize(title).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c == 'đ' ? 'd' : c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whitespace collapsed and NFC: how a table's titles are kept (a line break in a cell is not part of the title).</summary>
    public static string Tidy(string? text)
    {
        if (text is null)
        {
            return "";
        }

        return string.Join(' ', text.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// How the diff compares titles: <see cref="Tidy"/> without a final full stop, which documents
    /// add or leave out at will ("… đơn vị SNCL." is the same criterion as "… đơn vị SNCL").
    /// Everything else, case and diacritics included, is wording.
    /// </summary>
    public static string ForComparison(string? text) => Tidy(text).TrimEnd('.').TrimEnd();

    // "1.", "1)", "1.3", "1.3.2.", "a)", "b." before a space; a bare number ("30 ngày") is a word, not numbering.
    [GeneratedRegex(@"^\s*(?:\d+(?:\.\d+)+\.?|\d+[.)]|[a-zđ][.)])(?=\s|$)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LeadingNumbering();
}
