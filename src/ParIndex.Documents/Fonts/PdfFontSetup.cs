using PdfSharp.Fonts;

namespace ParIndex.Documents.Fonts;

/// <summary>
/// Gives PDFsharp the embedded Noto Sans for every family it asks for, so a PDF never depends on
/// the fonts of the machine that writes it (PDFsharp's core build has no font of its own).
/// Italic is simulated (slanted regular): the package ships no italic face.
/// </summary>
public sealed class EmbeddedFontResolver : IFontResolver
{
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(EmbeddedFonts.FaceFor(bold), false, italic);

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
