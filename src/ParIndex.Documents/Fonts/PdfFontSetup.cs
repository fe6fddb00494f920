using PdfSharp.Fonts;

namespace ParIndex.Documents.Fonts;

/// <summary>
/// Gives PDFsharp the embedded fonts, so a PDF never depends on the fonts of the machine that
/// writes it (PDFsharp's core build has no font of its own): Noto Sans when asked for by name
/// (italic simulated, no italic face is shipped), Liberation Serif for every other family.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, EmbeddedFonts.FamilyName, StringComparison.OrdinalIgnoreCase)
            ? new(EmbeddedFonts.FaceFor(bold), false, italic)
            : new(EmbeddedFonts.SerifFaceFor(bold, italic));

    public byte[]? GetFont(string faceName) => EmbeddedFonts.Load(faceName);
}

/// <summary>Installs <see cref="EmbeddedFontResolver"/> once per process (PDFsharp's setting is global).</summary>
public static class PdfFontSetup
{
    private static readonly Lock Gate = new();

    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            // Another part of the process may have installed its own resolver first; keep it then.
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            }
        }
    }
}
