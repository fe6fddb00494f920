using System.Globalization;
using ParIndex.Data;

namespace ParIndex.Web.Evidence;

/// <summary>
/// The name an uploaded file is shown and downloaded under: no folder part, no control or
/// bidirectional characters, at most <see cref="TextLimits.DisplayFileName"/> characters cut
/// between whole characters (never inside a surrogate pair or a combining sequence), and an
/// extension that matches the type detected from the bytes: a PDF named <c>poly.html</c> is kept
/// as <c>poly.html.pdf</c>, so that nothing downstream (a browser, a desktop) opens it as HTML.
/// ADR 0109.
/// </summary>
public static class EvidenceFileName
{
    private const string Fallback = "tai-lieu";

    private static readonly Dictionary<string, string[]> Extensions = new(StringComparer.Ordinal)
    {
        [EvidenceContentType.Pdf] = [".pdf"],
        [EvidenceContentType.Png] = [".png"],
        [EvidenceContentType.Jpeg] = [".jpg", ".jpeg"],
        [EvidenceContentType.Docx] = [".docx"],
        [EvidenceContentType.Xlsx] = [".xlsx"],
    };

    public static string For(string? uploaded, string contentType)
    {
        var cleaned = TextLimits.Clean(uploaded ?? "", singleLine: true).Replace('\\', '/');
        var name = cleaned[(cleaned.LastIndexOf('/') + 1)..].Trim().TrimEnd('.');
        var accepted = Extensions.TryGetValue(contentType, out var list) ? list : [];
        var extension = Path.GetExtension(name);
        if (accepted.Length > 0 && !accepted.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            // The declared extension is kept in the stem (the user recognises the file); the
            // real one is added after it.
            extension = accepted[0];
        }
        else
        {
            name = name[..^extension.Length];
        }

        var stem = name.Trim();
        if (stem.Length == 0)
        {
            stem = Fallback;
        }

        return CutToTextElements(stem, TextLimits.DisplayFileName - extension.Length) + extension;
    }

    /// <summary>The first whole text elements (grapheme clusters) that fit in <paramref name="max"/> UTF-16 units.</summary>
    internal static string CutToTextElements(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var end = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var next = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (next > max)
            {
                break;
            }

            end = next;
        }

        return text[..end];
    }
}
