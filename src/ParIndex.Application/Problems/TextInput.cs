using System.Globalization;
using ParIndex.Core.Numbers;
using ParIndex.Data;

namespace ParIndex.Application.Problems;

/// <summary>
/// Every text a user sends passes here before it reaches the database: control characters are
/// removed (<see cref="TextLimits.Clean"/>), the text is trimmed, and a text longer than its limit
/// is refused with a 400 naming the field. ADR 0109.
/// </summary>
public static class TextInput
{
    /// <summary>A multi-line text (explanation, reason): tab and line breaks kept. Null stays null.</summary>
    public static string? Text(string? value, string field, string label, int limit) => Check(value, field, label, limit, singleLine: false);

    /// <summary>A one-line text (name, code, number): line breaks become spaces, bidi controls removed. Null stays null.</summary>
    public static string? Line(string? value, string field, string label, int limit) => Check(value, field, label, limit, singleLine: true);

    /// <summary>
    /// An uploaded file's name as shown: no folder part, cleaned as a one-line text, at most
    /// <see cref="TextLimits.DisplayFileName"/> characters with its extension kept, cut between
    /// whole text elements (never inside a surrogate pair or before a combining mark).
    /// </summary>
    public static string FileName(string? uploaded, string fallback = "tai-lieu")
    {
        var cleaned = TextLimits.Clean(uploaded ?? "", singleLine: true).Replace('\\', '/');
        var name = cleaned[(cleaned.LastIndexOf('/') + 1)..].Trim().TrimEnd('.').Trim();
        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length].Trim();
        if (extension.Length > 20)
        {
            extension = ""; // not an extension but a long name with a dot in it
            stem = name;
        }

        return CutToTextElements(stem.Length == 0 ? fallback : stem, TextLimits.DisplayFileName - extension.Length) + extension;
    }

    /// <summary>The first whole text elements (grapheme clusters) that fit in <paramref name="max"/> UTF-16 units.</summary>
    private static string CutToTextElements(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = 0;
        while (end < text.Length)
        {
            var next = end + StringInfo.GetNextTextElementLength(text.AsSpan(end));
            if (next > max)
            {
                break;
            }

            end = next;
        }

        return text[..end];
    }

    private static string? Check(string? value, string field, string label, int limit, bool singleLine)
    {
        if (value is null)
        {
            return null;
        }

        var cleaned = TextLimits.Clean(value, singleLine).Trim();
        if (cleaned.Length > limit)
        {
            throw new FieldValidationException(field,
                $"{label} dài {VietnameseNumbers.FormatPoints(cleaned.Length)} ký tự, vượt giới hạn {VietnameseNumbers.FormatPoints(limit)} ký tự. Chưa có gì được lưu.",
                $"\"{field}\" is {cleaned.Length} characters long, over the limit of {limit}. Nothing was saved.");
        }

        return cleaned;
    }
}
