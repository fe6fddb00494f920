using ParIndex.Application.Problems;

namespace ParIndex.Application.Evidence;

/// <summary>
/// The name an uploaded evidence file is shown and downloaded under: cleaned and cut as any
/// uploaded name (<see cref="TextInput.FileName"/>), with an extension that matches the type
/// detected from the bytes. A PDF named <c>poly.html</c> becomes <c>poly.html.pdf</c>, so that
/// nothing downstream (a browser, a desktop) opens it as HTML. ADR 0109.
/// </summary>
public static class EvidenceFileName
{
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
        var name = TextInput.FileName(uploaded);
        if (!Extensions.TryGetValue(contentType, out var accepted) || accepted.Contains(Path.GetExtension(name), StringComparer.OrdinalIgnoreCase))
        {
            return name;
        }

        // The declared extension stays in the stem (the user recognises the file); the real one
        // follows it, and the whole is cut again to the shown length.
        return TextInput.FileName(name + accepted[0]);
    }
}
