using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ParIndex.Core.Files;

/// <summary>
/// What the canonical JSON files of ParIndex (framework, questionnaire) share: bounded reading of
/// UTF-8 bytes with an optional BOM, and the writer settings (2-space indent, LF, UTF-8 without BOM,
/// a final newline).
/// </summary>
internal static class CanonicalJsonFile
{
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Relaxed escaping keeps Vietnamese readable ("Cải cách", not "C\u1EA3i c\u00E1ch"). These
        // files are data, never inlined into HTML, so HTML-sensitive characters need no escaping.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes of a stream, at most <paramref name="maxBytes"/>, without a BOM; <paramref name="tooLarge"/> makes the error past the limit.</summary>
    public static ReadOnlyMemory<byte> ReadBounded(Stream stream, long maxBytes, Func<Exception> tooLarge)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw tooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return WithoutBom(buffer.ToArray());
    }

    /// <summary>JSON text as UTF-8 bytes.</summary>
    public static ReadOnlyMemory<byte> FromText(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return WithoutBom(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Writes with the canonical settings and ends the file with a newline.</summary>
    public static void Write(Stream stream, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>The canonical file as text.</summary>
    public static string ToText(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return Utf8NoBom.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static ReadOnlyMemory<byte> WithoutBom(ReadOnlyMemory<byte> utf8)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        return utf8.Span.StartsWith(bom) ? utf8[3..] : utf8;
    }
}
