using ParIndex.Core.Numbers;
using ParIndex.Data;

namespace ParIndex.Web.Problems;

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
                $"{label} dài {VietnameseNumbers.FormatPoints(cleaned.Length)} ký tự, vượt giới hạn {VietnameseNumbers.FormatPoints(limit)} ký tự. Chưa có gì được lưu.");
        }

        return cleaned;
    }
}
