using System.Text.Json;
using ParIndex.Core.Files;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// The crosswalk file format <c>parindex-crosswalk/1</c> (ADR 0116), canonical like the framework file:
/// <code>
/// {"format": "parindex-crosswalk/1",
///  "from": {"id", "version"}, "to": {"id", "version"},
///  "entries": [{"kind": "one-to-one", "from": ["1.1"], "to": ["1.2"], "match": "title"}]}
/// </code>
/// <c>kind</c> is one-to-one, many-to-one, one-to-many, new or removed; <c>match</c> says how the
/// entry was found (code, title, title-without-diacritics, code-only, structure, none, manual).
/// Errors are <see cref="FrameworkFormatException"/>s with line and column.
/// </summary>
public static class CrosswalkFile
{
    public const string FormatName = "parindex-crosswalk/1";

    /// <summary>Files larger than this are refused before parsing.</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>At most this many entries (a framework has a few hundred nodes).</summary>
    public const int MaxEntries = 10_000;

    /// <summary>At most this many characters in a code, id or version.</summary>
    public const int MaxTextLength = 200;

    private static readonly (CrosswalkKind Kind, string Name)[] KindNames =
    [
        (CrosswalkKind.OneToOne, "one-to-one"), (CrosswalkKind.ManyToOne, "many-to-one"), (CrosswalkKind.OneToMany, "one-to-many"),
        (CrosswalkKind.New, "new"), (CrosswalkKind.Removed, "removed"),
    ];

    private static readonly (CrosswalkMatch Match, string Name)[] MatchNames =
    [
        (CrosswalkMatch.Code, "code"), (CrosswalkMatch.Title, "title"), (CrosswalkMatch.TitleWithoutDiacritics, "title-without-diacritics"),
        (CrosswalkMatch.CodeOnly, "code-only"), (CrosswalkMatch.Structure, "structure"), (CrosswalkMatch.None, "none"), (CrosswalkMatch.Manual, "manual"),
    ];

    public static string KindName(CrosswalkKind kind) => KindNames.First(k => k.Kind == kind).Name;

    public static string MatchName(CrosswalkMatch match) => MatchNames.First(m => m.Match == match).Name;

    public static FrameworkCrosswalk Read(Stream stream) =>
        Read(CanonicalJsonFile.ReadBounded(stream, MaxBytes, () => new FrameworkFormatException($"Tệp bảng chuyển mã quá lớn (giới hạn {MaxBytes / (1024 * 1024)} MB).")));

    public static FrameworkCrosswalk Read(string json) => Read(CanonicalJsonFile.FromText(json));

    public static void Write(FrameworkCrosswalk crosswalk, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(crosswalk);
        CanonicalJsonFile.Write(stream, w => WriteCrosswalk(w, crosswalk));
    }

    public static string ToJson(FrameworkCrosswalk crosswalk) => CanonicalJsonFile.ToText(stream => Write(crosswalk, stream));

    private static void WriteCrosswalk(Utf8JsonWriter w, FrameworkCrosswalk crosswalk)
    {
        w.WriteStartObject();
        w.WriteString("format", FormatName);
        WriteSide(w, "from", crosswalk.FromFrameworkId, crosswalk.FromVersion);
        WriteSide(w, "to", crosswalk.ToFrameworkId, crosswalk.ToVersion);
        w.WriteStartArray("entries");
        foreach (var entry in crosswalk.Entries)
        {
            w.WriteStartObject();
            w.WriteString("kind", KindName(entry.Kind));
            WriteCodes(w, "from", entry.From);
            WriteCodes(w, "to", entry.To);
            w.WriteString("match", MatchName(entry.Match));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter w, string name, string id, string version)
    {
        w.WriteStartObject(name);
        w.WriteString("id", id);
        w.WriteString("version", version);
        w.WriteEndObject();
    }

    private static void WriteCodes(Utf8JsonWriter w, string name, IReadOnlyList<string> codes)
    {
        w.WriteStartArray(name);
        foreach (var code in codes)
        {
            w.WriteStringValue(code);
        }

        w.WriteEndArray();
    }

    private static FrameworkCrosswalk Read(ReadOnlyMemory<byte> utf8) => new Reader(utf8).Read();

    /// <summary>Strict like the framework reader: unknown properties, wrong types and shapes are refused at their position.</summary>
    private sealed class Reader(ReadOnlyMemory<byte> utf8) : PositionedReader(utf8)
    {
        public FrameworkCrosswalk Read()
        {
            var root = Object(PositionedJson.Parse(Utf8), "gốc của tệp");
            Known(root, "gốc của tệp", "format", "from", "to", "entries");
            var format = Text(root, "format", "tệp");
            if (format != FormatName)
            {
                throw Fail(root.Get("format")!, $"định dạng \"{format}\" không được hỗ trợ; cần \"{FormatName}\".");
            }

            var from = Object(Required(root, "from", "tệp"), "thuộc tính \"from\"");
            var to = Object(Required(root, "to", "tệp"), "thuộc tính \"to\"");
            Known(from, "\"from\"", "id", "version");
            Known(to, "\"to\"", "id", "version");
            var entries = Array(Required(root, "entries", "tệp"), "entries", "tệp");
            if (entries.Items.Count > MaxEntries)
            {
                throw Fail(entries, $"quá nhiều dòng chuyển mã ({entries.Items.Count}; tối đa {MaxEntries}).");
            }

            return new FrameworkCrosswalk
            {
                FromFrameworkId = Text(from, "id", "\"from\""),
                FromVersion = Text(from, "version", "\"from\""),
                ToFrameworkId = Text(to, "id", "\"to\""),
                ToVersion = Text(to, "version", "\"to\""),
                Entries = entries.Items.Select((item, i) => Entry(item, i + 1)).ToList(),
            };
        }

        private CrosswalkEntry Entry(PositionedJson item, int number)
        {
            var what = $"dòng chuyển mã thứ {number}";
            var o = Object(item, what);
            Known(o, what, "kind", "from", "to", "match");
            var kindText = Text(o, "kind", what);
            var kind = KindNames.Where(k => k.Name == kindText).Select(k => (CrosswalkKind?)k.Kind).FirstOrDefault()
                ?? throw Fail(o.Get("kind")!, $"loại \"{kindText}\" của {what} không được hỗ trợ; dùng một trong: {string.Join(", ", KindNames.Select(k => k.Name))}.");
            var entry = new CrosswalkEntry(kind, Codes(o, "from", what), Codes(o, "to", what), Match(o, what));
            if (!entry.HasConsistentShape)
            {
                throw Fail(o, $"{what} loại {kindText} có {entry.From.Count} mã cũ và {entry.To.Count} mã mới (one-to-one: 1→1, many-to-one: ≥2→1, one-to-many: 1→≥2, new: 0→1, removed: 1→0).");
            }

            return entry;
        }

        private CrosswalkMatch Match(PositionedObject o, string what)
        {
            if (o.Get("match") is null)
            {
                return CrosswalkMatch.Manual;
            }

            var text = Text(o, "match", what);
            return MatchNames.Where(m => m.Name == text).Select(m => (CrosswalkMatch?)m.Match).FirstOrDefault()
                ?? throw Fail(o.Get("match")!, $"cách khớp \"{text}\" của {what} không được hỗ trợ; dùng một trong: {string.Join(", ", MatchNames.Select(m => m.Name))}.");
        }

        private List<string> Codes(PositionedObject o, string name, string what)
        {
            var codes = new List<string>();
            foreach (var item in Array(Required(o, name, what), name, what).Items)
            {
                var code = item as PositionedString ?? throw Fail(item, $"mã trong \"{name}\" của {what} phải là chuỗi, không phải {item.KindName}.");
                codes.Add(Bounded(code, $"mã trong \"{name}\" của {what}"));
            }

            return codes;
        }

        private string Text(PositionedObject o, string name, string what) => Required(o, name, what) switch
        {
            PositionedString s => Bounded(s, $"thuộc tính \"{name}\" của {what}"),
            var other => throw Fail(other, $"thuộc tính \"{name}\" của {what} phải là chuỗi, không phải {other.KindName}."),
        };

        private string Bounded(PositionedString s, string what)
        {
            if (string.IsNullOrWhiteSpace(s.Value))
            {
                throw Fail(s, $"{what} để trống.");
            }

            return s.Value.Length <= MaxTextLength ? s.Value : throw Fail(s, $"{what} dài quá {MaxTextLength} ký tự.");
        }
    }
}
