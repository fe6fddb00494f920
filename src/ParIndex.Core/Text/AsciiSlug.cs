using System.Globalization;
using System.Text;

namespace ParIndex.Core.Text;

/// <summary>
/// Vietnamese text as lower-case ASCII words joined by hyphens: "Tỉnh Bắc Giang" → "tinh-bac-giang"
/// (diacritics dropped, đ → d). Used for download file names and for the ranking's name search, so
/// that "bac giang", "Bắc Giang" and "BAC-GIANG" find the same unit.
/// </summary>
public static class AsciiSlug
{
    /// <summary>The slug of <paramref name="text"/>; empty when it has no letter or digit.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }
}
