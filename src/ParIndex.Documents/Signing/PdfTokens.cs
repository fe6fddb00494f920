using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace ParIndex.Documents.Signing;

/// <summary>Small helpers over PdfPig's object model shared by the signer and the verifier.</summary>
internal static class PdfTokens
{
    /// <summary>Follows indirect references (a bounded number of hops, so a reference loop ends).</summary>
    public static IToken? Resolve(PdfDocument document, IToken? token)
    {
        for (var hops = 0; hops < 8 && token is IndirectReferenceToken reference; hops++)
        {
            token = document.Structure.GetObject(reference.Data)?.Data;
        }

        return token is IndirectReferenceToken ? null : token;
    }

    public static T? Get<T>(PdfDocument document, DictionaryToken dictionary, string key)
        where T : class, IToken =>
        dictionary.Data.TryGetValue(key, out var value) ? Resolve(document, value) as T : null;

    public static string? Text(PdfDocument document, DictionaryToken dictionary, string key) =>
        Resolve(document, dictionary.Data.GetValueOrDefault(key)) switch
        {
            StringToken s => s.Data,
            HexToken h => h.Data,
            NameToken n => n.Data,
            _ => null,
        };

    /// <summary>A PDF text string: literal when plain ASCII, otherwise UTF-16BE with a byte-order mark.</summary>
    public static string TextString(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~' and not '(' and not ')' and not '\\'))
        {
            return "(" + value + ")";
        }

        var bytes = Encoding.BigEndianUnicode.GetBytes(value);
        return "<FEFF" + Convert.ToHexString(bytes) + ">";
    }

    /// <summary>A PDF date (ISO 32000 7.9.4) with the offset of <paramref name="time"/>, e.g. D:20261130220000+07'00'.</summary>
    public static string Date(DateTimeOffset time)
    {
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return "D:" + time.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
            + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + "'" + offset.Minutes.ToString("00", CultureInfo.InvariantCulture) + "'";
    }

    /// <summary>Reads a PDF date; null when it is not one. Missing parts default as the standard says.</summary>
    public static DateTimeOffset? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var s = text.StartsWith("D:", StringComparison.Ordinal) ? text[2..] : text;
        if (s.Length < 4 || !s[..4].All(char.IsAsciiDigit))
        {
            return null;
        }

        int Part(int start, int length, int fallback) =>
            s.Length >= start + length && s.Substring(start, length).All(char.IsAsciiDigit)
                ? int.Parse(s.AsSpan(start, length), CultureInfo.InvariantCulture)
                : fallback;

        var offset = TimeSpan.Zero;
        if (s.Length > 14 && s[14] is '+' or '-')
        {
            var hours = Part(15, 2, 0);
            var minutes = s.Length >= 20 && s[17] == '\'' ? Part(18, 2, 0) : 0;
            offset = new TimeSpan(hours, minutes, 0) * (s[14] == '-' ? -1 : 1);
        }

        try
        {
            return new DateTimeOffset(Part(0, 4, 1), Part(4, 2, 1), Part(6, 2, 1), Part(8, 2, 0), Part(10, 2, 0), Part(12, 2, 0), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
