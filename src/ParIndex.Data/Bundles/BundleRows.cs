using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ParIndex.Data.Bundles;

/// <summary>
/// One row as one JSON line: an object with every mapped property by its model name. Values are
/// written by their CLR type (decimals exactly, instants as UTC ISO 8601, enums by name).
/// </summary>
internal static class BundleRows
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public static void Write(Utf8JsonWriter writer, Stream output, BundleTable table, object row)
    {
        writer.Reset(output);
        writer.WriteStartObject();
        foreach (var property in table.Properties)
        {
            writer.WritePropertyName(property.Name);
            JsonSerializer.Serialize(writer, Get(table, property, row), property.ClrType, BundleFormat.Json);
        }

        writer.WriteEndObject();
        writer.Flush();
        output.Write(NewLine);
    }

    /// <summary>A row of a line; errors name the entry, the line and the field.</summary>
    public static object Read(BundleTable table, ReadOnlyMemory<byte> line, string entry, long lineNumber)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw Bad(entry, lineNumber, $"không phải JSON hợp lệ ({e.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad(entry, lineNumber, "dòng không phải một đối tượng JSON");
            }

            var row = table.IsSharedType ? new Dictionary<string, object>() : Activator.CreateInstance(table.EntityType.ClrType)!;
            var seen = 0;
            foreach (var property in table.Properties)
            {
                if (!root.TryGetProperty(property.Name, out var value))
                {
                    throw Bad(entry, lineNumber, $"thiếu trường \"{property.Name}\"");
                }

                seen++;
                object? converted;
                try
                {
                    converted = value.Deserialize(property.ClrType, BundleFormat.Json);
                }
                catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
                {
                    throw Bad(entry, lineNumber, $"trường \"{property.Name}\" không đọc được ({e.Message})");
                }

                if (converted is null && !property.IsNullable)
                {
                    throw Bad(entry, lineNumber, $"trường \"{property.Name}\" không được để trống");
                }

                if (converted is string text && property.GetMaxLength() is { } max && text.Length > max)
                {
                    throw Bad(entry, lineNumber, $"trường \"{property.Name}\" dài {text.Length} ký tự, vượt giới hạn {max}");
                }

                Set(table, property, row, converted);
            }

            if (root.EnumerateObject().Count() != seen)
            {
                var unknown = root.EnumerateObject().First(p => table.EntityType.FindProperty(p.Name) is null).Name;
                throw Bad(entry, lineNumber, $"trường \"{Shorten(unknown)}\" không thuộc bảng {table.Name}");
            }

            return row;
        }
    }

    public static object? Get(BundleTable table, IProperty property, object row) =>
        table.IsSharedType ? ((Dictionary<string, object>)row).GetValueOrDefault(property.Name) : property.PropertyInfo!.GetValue(row);

    private static void Set(BundleTable table, IProperty property, object row, object? value)
    {
        if (table.IsSharedType)
        {
            ((Dictionary<string, object>)row)[property.Name] = value!;
        }
        else
        {
            property.PropertyInfo!.SetValue(row, value);
        }
    }

    private static BundleException Bad(string entry, long line, string what) =>
        new(BundleException.Unreadable, $"Mục {entry}, dòng {line}: {what}.");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    /// <summary>Reads newline-separated lines of at most <see cref="BundleFormat.MaxRowBytes"/> bytes.</summary>
    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> LinesAsync(Stream input, string entry,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var line = new MemoryStream();
        long number = 0;
        int read;
        while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    continue;
                }

                line.Write(buffer, start, i - start);
                start = i + 1;
                number++;
                Check(line, entry, number);
                yield return line.GetBuffer().AsMemory(0, (int)line.Length);
                line.SetLength(0);
            }

            line.Write(buffer, start, read - start);
            Check(line, entry, number + 1);
        }

        if (line.Length > 0)
        {
            throw Bad(entry, number + 1, "dòng cuối không kết thúc bằng xuống dòng (mục bị cắt cụt)");
        }
    }

    private static void Check(MemoryStream line, string entry, long number)
    {
        if (line.Length > BundleFormat.MaxRowBytes)
        {
            throw Bad(entry, number, $"dòng dài hơn {BundleFormat.MaxRowBytes / (1024 * 1024)} MB");
        }
    }
}
