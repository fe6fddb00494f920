using System.Collections.Concurrent;

namespace ParIndex.Documents.Fonts;

/// <summary>
/// The TTF files shipped inside this assembly (Noto Sans from Debian's fonts-noto-core, SIL OFL
/// 1.1, licence in Fonts/Noto/OFL.txt). Noto Sans rather than DejaVu: with subsetting, DejaVu
/// drops the second mark of stacked Vietnamese letters (ầ, ắ, ề, ố) in the rendered PDF.
/// </summary>
public static class EmbeddedFonts
{
    public const string FamilyName = "Noto Sans";
    public const string RegularFace = "NotoSans-Regular";
    public const string BoldFace = "NotoSans-Bold";

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    /// <summary>The TTF bytes of a face (<see cref="RegularFace"/> or <see cref="BoldFace"/>).</summary>
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
}
