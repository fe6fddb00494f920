using System.Text;

namespace ParIndex.Data;

/// <summary>
/// The longest text a user may send for each kind of field, in UTF-16 characters: the one place
/// that the database model (<c>HasMaxLength</c>) and the input checks of every endpoint and form
/// read. ADR 0109 explains the numbers.
/// </summary>
public static class TextLimits
{
    /// <summary>A leaf's explanation (giải trình); Bắc Giang's longest is under 3 000 characters.</summary>
    public const int Explanation = 20_000;

    /// <summary>The unit's answer to an appraisal adjustment (giải trình bổ sung).</summary>
    public const int ResponseText = 20_000;

    /// <summary>An appraiser's reason, a final-score reason or the reason recorded with a change.</summary>
    public const int Reason = 4_000;

    /// <summary>Names of units, campaigns and frameworks.</summary>
    public const int Name = 300;

    /// <summary>A unit's code.</summary>
    public const int UnitCode = 64;

    /// <summary>A criterion code or assignment prefix (<c>1.3.1</c>).</summary>
    public const int CriterionCode = 32;

    /// <summary>A levels leaf's chosen level key.</summary>
    public const int Level = 100;

    /// <summary>A login name (ASP.NET Core Identity's column length).</summary>
    public const int UserName = 256;

    /// <summary>A person's full name.</summary>
    public const int FullName = 200;

    /// <summary>An e-mail address (Identity's column length).</summary>
    public const int Email = 256;

    /// <summary>A notification's subject line (generated, with a unit and campaign name in it).</summary>
    public const int NotificationSubject = 400;

    /// <summary>A notification's plain-text body (generated).</summary>
    public const int NotificationBody = 4_000;

    /// <summary>A region (vùng) of a unit.</summary>
    public const int Region = 200;

    /// <summary>A document's number and symbol (số, ký hiệu), e.g. <c>41/KH-UBND</c>.</summary>
    public const int DocumentNumber = 100;

    /// <summary>Difficulties or recommendations of the self-assessment report (about ten printed pages).</summary>
    public const int ReportText = 20_000;

    /// <summary>A one-line field of the report: place, the signer's authority or title.</summary>
    public const int ReportLine = 200;

    /// <summary>The report's recipients (Nơi nhận), one per line.</summary>
    public const int Recipients = 2_000;

    /// <summary>The stored file name column; names are cut to <see cref="DisplayFileName"/> before that.</summary>
    public const int FileName = 260;

    /// <summary>An uploaded file name as shown, extension included.</summary>
    public const int DisplayFileName = 200;

    /// <summary>A certificate's subject or issuer as a distinguished name (cut to this when longer).</summary>
    public const int CertificateName = 500;

    /// <summary>A certificate's serial number in hex (20 bytes at most by RFC 5280; some CAs issue more).</summary>
    public const int CertificateSerial = 100;

    /// <summary>
    /// The text without C0 control characters (NUL…US and DEL) other than tab, CR and LF, and without
    /// unpaired surrogates: PostgreSQL refuses NUL in text and no encoder writes a lone surrogate.
    /// When <paramref name="singleLine"/> is set, tab/CR/LF become spaces and the bidirectional
    /// controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) are removed too, since in a
    /// name they only serve to disguise it (<c>gpj.exe</c> shown as <c>exe.jpg</c>).
    /// </summary>
    public static string Clean(string text, bool singleLine = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var index = 0;
        while (index < text.Length && Keep(text, index, singleLine) == KeepAs.Same)
        {
            index++;
        }

        if (index == text.Length)
        {
            return text; // the common case: nothing to remove, no copy
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, index);
        for (; index < text.Length; index++)
        {
            switch (Keep(text, index, singleLine))
            {
                case KeepAs.Same:
                    builder.Append(text[index]);
                    break;
                case KeepAs.Space:
                    builder.Append(' ');
                    break;
                case KeepAs.Pair:
                    builder.Append(text[index]).Append(text[index + 1]);
                    index++;
                    break;
                default:
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether a name contains a bidirectional control character.</summary>
    public static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private enum KeepAs
    {
        Same,
        Space,
        Pair,
        Drop,
    }

    private static KeepAs Keep(string text, int index, bool singleLine)
    {
        var c = text[index];
        if (c is '\t' or '\r' or '\n')
        {
            return singleLine ? KeepAs.Space : KeepAs.Same;
        }

        if (c < ' ' || c == '\u007F')
        {
            return KeepAs.Drop;
        }

        if (char.IsHighSurrogate(c))
        {
            return index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? KeepAs.Pair : KeepAs.Drop;
        }

        if (char.IsLowSurrogate(c))
        {
            return KeepAs.Drop; // a low surrogate that no high one came before
        }

        return singleLine && IsBidiControl(c) ? KeepAs.Drop : KeepAs.Same;
    }
}
