using System.Globalization;
using System.Text;

namespace ParIndex.Core.Numbers;

/// <summary>Why a typed figure was refused.</summary>
public enum FigureError
{
    Empty,
    NotANumber,
    NotWhole,
    Negative,
    Ambiguous,
    TooLong,
}

/// <summary>A typed figure read for its kind: either a value (and how the page shows it) or an error with messages.</summary>
public sealed record FigureReading(decimal? Value, string? Display, FigureError? Error, string? Message, string? MessageEnglish)
{
    public bool IsValid => Value is not null;

    /// <summary>The message in the UI language (<c>vi</c> unless <c>en</c>).</summary>
    public string? MessageIn(string language) => language == "en" ? MessageEnglish : Message;
}

/// <summary>
/// Reads a figure the way Vietnamese staff type it, by its <see cref="FigureKind"/> (ADR 0007).
/// The browser runs the same rules (wwwroot/js/figure-numbers.js); both are checked against one
/// file of test vectors (tests/Shared/figure-number-vectors.json), so change the three together.
/// <list type="bullet">
/// <item>Whitespace around the text is ignored; inside, a space (also NBSP, U+202F) only separates thousands.</item>
/// <item>count/amount: whole numbers. With separators, one kind of separator (<c>.</c>, <c>,</c> or
/// a space), a first group of 1–3 digits not starting with 0 and then groups of exactly 3 digits:
/// <c>14.000</c>, <c>14,000</c>, <c>14 000</c> → 14000; <c>1.5</c> is refused. A count is never negative.</item>
/// <item>percent/decimal: with both <c>.</c> and <c>,</c> the last one is the decimal mark; a single
/// mark is the decimal mark; a mark written several times separates thousands. A single mark between
/// a 1–3 digit number (not starting with 0) and exactly 3 digits (<c>14.000</c>, <c>1,234</c>) is
/// refused as ambiguous. A percent may end with <c>%</c>.</item>
/// <item>At most <see cref="MaxIntegerDigits"/> digits before the decimal mark and
/// <see cref="MaxFractionDigits"/> after it (the browser's numbers stay exact), and
/// <see cref="MaxTextLength"/> characters in all.</item>
/// </list>
/// Scores are not figures: they keep <see cref="VietnameseNumbers.TryParse"/>.
/// </summary>
public static class FigureNumbers
{
    public const int MaxIntegerDigits = 15;
    public const int MaxFractionDigits = 10;
    public const int MaxTextLength = 64;

    // Echoed text is cut so that a message never repeats a pasted page.
    private const int MaxEcho = 40;

    private const string Whitespace = " \t\r\n\u00A0\u202F";

    public static FigureReading Read(string? text, FigureKind kind)
    {
        var t = (text ?? "").Trim(Whitespace.ToCharArray());
        if (t.Length == 0)
        {
            return Fail(FigureError.Empty, "Chưa nhập số.", "No number was entered.");
        }

        var echo = t.Length > MaxEcho ? t[..MaxEcho] + "…" : t;
        if (t.Length > MaxTextLength)
        {
            return TooLong(echo);
        }

        var body = t;
        if (kind == FigureKind.Percent && body.EndsWith('%'))
        {
            body = body[..^1].TrimEnd(Whitespace.ToCharArray());
        }

        var negative = false;
        if (body.Length > 0 && body[0] is '+' or '-')
        {
            negative = body[0] == '-';
            body = body[1..];
        }

        var chars = new StringBuilder(body.Length);
        foreach (var c in body)
        {
            if (c is '\u00A0' or '\u202F' or ' ')
            {
                chars.Append(' ');
            }
            else if (c is (>= '0' and <= '9') or '.' or ',')
            {
                chars.Append(c);
            }
            else
            {
                return NotANumber(echo);
            }
        }

        body = chars.ToString();
        if (body.Length == 0)
        {
            return NotANumber(echo);
        }

        string integer;
        var fraction = "";
        if (FigureKinds.IsWhole(kind))
        {
            var separators = body.Where(c => c is '.' or ',' or ' ').Distinct().ToList();
            if (separators.Count == 0)
            {
                integer = body;
            }
            else if (separators.Count == 1 && Grouped(body, separators[0]) is { } joined)
            {
                integer = joined;
            }
            else
            {
                // A space that does not group thousands is a typo; a dot or comma is a decimal part.
                return separators.All(c => c == ' ') ? NotANumber(echo) : NotWhole(echo);
            }
        }
        else
        {
            var dots = body.Count(c => c == '.');
            var commas = body.Count(c => c == ',');
            char? groupMark = null;
            if (dots > 0 && commas > 0)
            {
                var decimalMark = body.LastIndexOf('.') > body.LastIndexOf(',') ? '.' : ',';
                if ((decimalMark == '.' ? dots : commas) != 1)
                {
                    return NotANumber(echo);
                }

                groupMark = decimalMark == '.' ? ',' : '.';
                var at = body.IndexOf(decimalMark, StringComparison.Ordinal);
                (integer, fraction) = (body[..at], body[(at + 1)..]);
            }
            else if (dots + commas == 1)
            {
                var mark = dots == 1 ? '.' : ',';
                var at = body.IndexOf(mark, StringComparison.Ordinal);
                (integer, fraction) = (body[..at], body[(at + 1)..]);
                if (IsLeadingGroup(integer) && fraction.Length == 3 && AllDigits(fraction))
                {
                    return Ambiguous(echo, mark, integer, fraction);
                }
            }
            else
            {
                groupMark = dots > 1 ? '.' : commas > 1 ? ',' : null;
                integer = body;
            }

            if (fraction.Length == 0 && (dots + commas == 1 || (dots > 0 && commas > 0)))
            {
                return NotANumber(echo); // "1," or "1.": a decimal mark with no decimals
            }

            if (!AllDigits(fraction))
            {
                return NotANumber(echo);
            }

            var separators = integer.Where(c => c == ' ' || c == groupMark).Distinct().ToList();
            if (separators.Count > 1)
            {
                return NotANumber(echo);
            }

            if (separators.Count == 1)
            {
                if (Grouped(integer, separators[0]) is not { } joined)
                {
                    return NotANumber(echo);
                }

                integer = joined;
            }
            else if (integer.Length == 0 || !AllDigits(integer))
            {
                return NotANumber(echo);
            }
        }

        var significant = integer.TrimStart('0');
        if (significant.Length > MaxIntegerDigits || fraction.Length > MaxFractionDigits)
        {
            return TooLong(echo);
        }

        var magnitude = decimal.Parse(fraction.Length == 0 ? integer : integer + "." + fraction, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        if (negative && magnitude != 0 && kind == FigureKind.Count)
        {
            return Fail(FigureError.Negative, $"\"{echo}\": số lượng không được âm.", $"\"{echo}\": a count cannot be negative.");
        }

        var value = negative && magnitude != 0 ? -magnitude : magnitude;
        return new FigureReading(value, Display(value, kind), null, null, null);
    }

    /// <summary>
    /// Reads a score (manual, bonus/penalty) by the lenient rule of <see cref="VietnameseNumbers.TryParse"/>:
    /// <c>1,5</c> and <c>1.5</c> are both one and a half. The shared vectors use the kind name <c>score</c>.
    /// </summary>
    public static FigureReading ReadScore(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail(FigureError.Empty, "Chưa nhập số.", "No number was entered.");
        }

        var t = text.Trim();
        var echo = t.Length > MaxEcho ? t[..MaxEcho] + "…" : t;
        return VietnameseNumbers.TryParse(t, out var value)
            ? new FigureReading(value, Display(value, FigureKind.Decimal), null, null, null)
            : Fail(FigureError.NotANumber, $"Điểm \"{echo}\" không phải là số hợp lệ (ví dụ 1,5).", $"The score \"{echo}\" is not a valid number (e.g. 1,5).");
    }

    /// <summary>A figure as the page shows it: thousands dots, decimal comma, no trailing zeros; a percent ends with <c>%</c>.</summary>
    public static string Display(decimal value, FigureKind kind)
    {
        var text = value.ToString("#,##0.##########", VietnameseNumbers.Culture);
        return kind == FigureKind.Percent ? text + "%" : text;
    }

    /// <summary>
    /// A stored figure as it is put back into its field, so that saving it again reads the same
    /// value: whole kinds with thousands dots (<c>14.922</c>), others with a decimal comma and no
    /// thousands separator, and a fourth decimal where three would be ambiguous (<c>1,2340</c>).
    /// </summary>
    public static string InputText(decimal value, FigureKind kind)
    {
        if (FigureKinds.IsWhole(kind) && value == decimal.Truncate(value))
        {
            return value.ToString("#,##0", VietnameseNumbers.Culture);
        }

        var text = value.ToString("0.############################", VietnameseNumbers.Culture);
        var reading = Read(text, kind);
        return reading.Error == FigureError.Ambiguous ? text + "0" : text;
    }

    // "14.000.000" → "14000000" when the first group has 1–3 digits (not a leading 0) and every other group 3; otherwise null.
    private static string? Grouped(string text, char separator)
    {
        var groups = text.Split(separator);
        return IsLeadingGroup(groups[0]) && groups.Skip(1).All(g => g.Length == 3 && AllDigits(g)) ? string.Concat(groups) : null;
    }

    private static bool IsLeadingGroup(string group) => group.Length is >= 1 and <= 3 && group[0] != '0' && AllDigits(group);

    private static bool AllDigits(string text) => text.All(c => c is >= '0' and <= '9');

    private static FigureReading Fail(FigureError error, string message, string english) => new(null, null, error, message, english);

    private static FigureReading NotANumber(string echo) =>
        Fail(FigureError.NotANumber, $"\"{echo}\" không phải là số hợp lệ.", $"\"{echo}\" is not a valid number.");

    private static FigureReading NotWhole(string echo) =>
        Fail(FigureError.NotWhole,
            $"\"{echo}\" không phải là số nguyên. Ô này chỉ nhận số nguyên; dấu chấm, dấu phẩy hoặc dấu cách chỉ dùng để tách hàng nghìn (ví dụ 14.000).",
            $"\"{echo}\" is not a whole number. This field takes whole numbers only; a dot, comma or space only separates thousands (e.g. 14.000).");

    private static FigureReading TooLong(string echo) =>
        Fail(FigureError.TooLong,
            $"\"{echo}\" có quá nhiều chữ số (tối đa {MaxIntegerDigits} chữ số phần nguyên và {MaxFractionDigits} chữ số phần thập phân).",
            $"\"{echo}\" has too many digits (at most {MaxIntegerDigits} before the decimal mark and {MaxFractionDigits} after it).");

    private static FigureReading Ambiguous(string echo, char mark, string integer, string fraction)
    {
        var trimmed = fraction.TrimEnd('0');
        var asDecimal = trimmed.Length == 0 ? integer : integer + "," + trimmed;
        var asWhole = integer + fraction;
        // A decimal is unambiguous with other than 3 decimals: 14,0 or 1,2340.
        var suggestion = integer + "," + (trimmed.Length == 0 ? "0" : trimmed.Length == 3 ? trimmed + "0" : trimmed);
        return Fail(FigureError.Ambiguous,
            $"\"{echo}\" không rõ nghĩa: có thể là {asDecimal} (dấu \"{mark}\" là dấu thập phân) hoặc {asWhole} (dấu \"{mark}\" tách hàng nghìn). Hãy viết {asWhole} nếu là số nguyên, hoặc {suggestion} nếu là số thập phân.",
            $"\"{echo}\" is ambiguous: it could be {asDecimal} (\"{mark}\" as the decimal mark) or {asWhole} (\"{mark}\" separating thousands). Write {asWhole} for the whole number or {suggestion} for the decimal.");
    }
}
