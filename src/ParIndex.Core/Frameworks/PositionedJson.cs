using System.Text;
using System.Text.Json;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// A tiny JSON tree that remembers where each value starts, so that a framework file's semantic
/// errors (a missing "max", a string where a number belongs) can name their line and column.
/// <see cref="JsonDocument"/> keeps no positions, hence this.
/// </summary>
internal abstract record PositionedJson(int Offset)
{
    /// <summary>Nesting limit, checked before the reader's own (64) so the message can say what is wrong.</summary>
    public const int MaxDepth = 48;

    public abstract string KindName { get; }

    /// <summary>Parses UTF-8 JSON (without BOM). Syntax errors surface as <see cref="FrameworkFormatException"/>.</summary>
    public static PositionedJson Parse(ReadOnlyMemory<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read())
            {
                throw TextPosition.Error(utf8.Span, 0, "tệp trống, không có nội dung JSON.");
            }

            var root = ReadValue(ref reader, utf8.Span);
            if (reader.Read())
            {
                throw TextPosition.Error(utf8.Span, (int)reader.TokenStartIndex, "có nội dung thừa sau khi kết thúc JSON.");
            }

            return root;
        }
        catch (JsonException ex)
        {
            throw TextPosition.SyntaxError(utf8.Span, ex);
        }
    }

    private static string GetString(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw TextPosition.Error(utf8, (int)reader.TokenStartIndex, "chuỗi chứa byte không phải UTF-8 hợp lệ.");
        }
    }

    private static PositionedJson ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> utf8)
    {
        var offset = (int)reader.TokenStartIndex;
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
        {
            throw TextPosition.Error(utf8, offset, $"cấu trúc lồng nhau quá sâu (tối đa {MaxDepth} cấp).");
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new List<PositionedProperty>();
                var names = new HashSet<string>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var nameOffset = (int)reader.TokenStartIndex;
                    var name = GetString(ref reader, utf8);
                    if (!names.Add(name))
                    {
                        throw TextPosition.Error(utf8, nameOffset, $"thuộc tính \"{name}\" bị lặp lại trong cùng một đối tượng.");
                    }

                    reader.Read();
                    properties.Add(new PositionedProperty(name, nameOffset, ReadValue(ref reader, utf8)));
                }

                return new PositionedObject(offset, properties);
            case JsonTokenType.StartArray:
                var items = new List<PositionedJson>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, utf8));
                }

                return new PositionedArray(offset, items);
            case JsonTokenType.String:
                return new PositionedString(offset, GetString(ref reader, utf8));
            case JsonTokenType.Number:
                return new PositionedNumber(offset, Encoding.UTF8.GetString(reader.ValueSpan));
            case JsonTokenType.True:
            case JsonTokenType.False:
            case JsonTokenType.Null:
                return new PositionedLiteral(offset, reader.TokenType);
            default:
                throw TextPosition.Error(utf8, offset, "gặp ký hiệu JSON không mong đợi.");
        }
    }
}

internal sealed record PositionedProperty(string Name, int Offset, PositionedJson Value);

internal sealed record PositionedObject(int Offset, IReadOnlyList<PositionedProperty> Properties) : PositionedJson(Offset)
{
    public override string KindName => "đối tượng";

    public PositionedJson? Get(string name) => Properties.FirstOrDefault(p => p.Name == name)?.Value;
}

internal sealed record PositionedArray(int Offset, IReadOnlyList<PositionedJson> Items) : PositionedJson(Offset)
{
    public override string KindName => "mảng";
}

internal sealed record PositionedString(int Offset, string Value) : PositionedJson(Offset)
{
    public override string KindName => "chuỗi";
}

internal sealed record PositionedNumber(int Offset, string Raw) : PositionedJson(Offset)
{
    public override string KindName => "số";
}

internal sealed record PositionedLiteral(int Offset, JsonTokenType Kind) : PositionedJson(Offset)
{
    public override string KindName => Kind == JsonTokenType.Null ? "null" : "giá trị true/false";
}

/// <summary>Turns byte offsets into 1-based line and character column.</summary>
internal static class TextPosition
{
    public static (int Line, int Column) Of(ReadOnlySpan<byte> utf8, int offset)
    {
        offset = Math.Clamp(offset, 0, utf8.Length);
        var before = utf8[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(utf8[lineStart..offset]) + 1;
        return (line, column);
    }

    public static FrameworkFormatException Error(ReadOnlySpan<byte> utf8, int offset, string detail)
    {
        var (line, column) = Of(utf8, offset);
        return new FrameworkFormatException(detail, line, column);
    }

    /// <summary>
    /// Translates the reader's English syntax error. Its LineNumber and BytePositionInLine are
    /// 0-based and count bytes; the column reported here counts characters.
    /// </summary>
    public static FrameworkFormatException SyntaxError(ReadOnlySpan<byte> utf8, JsonException ex)
    {
        if (ex is { LineNumber: { } lineNumber, BytePositionInLine: { } bytePosition })
        {
            var lineStart = 0;
            for (var i = 0L; i < lineNumber && lineStart < utf8.Length; i++)
            {
                var next = utf8[lineStart..].IndexOf((byte)'\n');
                lineStart = next < 0 ? utf8.Length : lineStart + next + 1;
            }

            var offset = (int)Math.Min(utf8.Length, lineStart + bytePosition);
            var near = offset < utf8.Length ? Describe(utf8, offset) : "cuối tệp";
            var detail = offset >= utf8.Length
                ? "JSON không hợp lệ: tệp kết thúc giữa chừng (thiếu dấu đóng ngoặc hoặc dấu nháy?)."
                : $"JSON không hợp lệ (lỗi cú pháp) tại {near}.";
            return new FrameworkFormatException(detail, (int)lineNumber + 1, Encoding.UTF8.GetCharCount(utf8[lineStart..offset]) + 1, ex);
        }

        return new FrameworkFormatException("JSON không hợp lệ (lỗi cú pháp).", ex);
    }

    private static string Describe(ReadOnlySpan<byte> utf8, int offset)
    {
        var rest = Encoding.UTF8.GetString(utf8[offset..Math.Min(utf8.Length, offset + 4)]);
        var first = rest.Length > 0 ? rest[..1] : "";
        return first switch
        {
            "\n" or "\r" => "cuối dòng",
            " " or "\t" => "khoảng trắng",
            _ => $"ký tự '{first}'",
        };
    }
}
