using System.Collections.Concurrent;

namespace ParIndex.Documents.Fonts;

/// <summary>
/// The TTF files shipped inside this assembly, so no document depends on the fonts of the server.
/// Documents are set in Liberation Serif 2 (metric-compatible with Times New Roman, the font
/// Decree 30/2020/NĐ-CP asks for, with every Vietnamese letter; Debian's fonts-liberation2, SIL
/// OFL 1.1, licence in Fonts/Liberation/OFL.txt). Charts keep Noto Sans (fonts-noto-core, OFL,
/// Fonts/Noto/OFL.txt): DejaVu drops the second mark of stacked Vietnamese letters when subset.
/// </summary>
public static class EmbeddedFonts
{
    /// <summary>The serif of every document (ADR 0120).</summary>
    public const string SerifFamilyName = "Liberation Serif";

    /// <summary>The sans-serif of chart labels.</summary>
    public const string FamilyName = "Noto Sans";

    public const string RegularFace = "NotoSans-Regular";
    public const string BoldFace = "NotoSans-Bold";

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    /// <summary>The TTF bytes of a face (<see cref="FaceFor"/> or <see cref="SerifFaceFor"/>).</summary>
    public static byte[] Load(string faceName) => Cache.GetOrAdd(faceName, static face =>
    {
        var name = $"ParIndex.Documents.Fonts.{face}.ttf";
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Font resource '{name}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static string FaceFor(bool bold) => bold ? BoldFace : RegularFace;

    /// <summary>The Liberation Serif face; italic is a real face, not a slanted regular.</summary>
    public static string SerifFaceFor(bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => "LiberationSerif-BoldItalic",
        (true, false) => "LiberationSerif-Bold",
        (false, true) => "LiberationSerif-Italic",
        _ => "LiberationSerif-Regular",
    };
}
