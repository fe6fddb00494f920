namespace ParIndex.Surveys.Responses;

public enum ResponseFileFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A response file that can be opened more than once (validation and writing are two passes).
/// The format comes from the extension, or from the content (an XLSX file is a ZIP: <c>PK</c>).
/// </summary>
public sealed class ResponseFile
{
    private readonly Func<Stream> open;

    public ResponseFile(string name, ResponseFileFormat format, Func<Stream> open)
    {
        Name = name;
        Format = format;
        this.open = open ?? throw new ArgumentNullException(nameof(open));
    }

    public string Name { get; }

    public ResponseFileFormat Format { get; }

    /// <summary>CSV only: the delimiter, or null to detect it.</summary>
    public char? Delimiter { get; init; }

    /// <summary>XLSX only: the sheet, or null for the first.</summary>
    public string? SheetName { get; init; }

    public static ResponseFile FromPath(string path, ResponseFileFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new ResponseFile(Path.GetFileName(path), format ?? Detect(path), () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 16 * 1024, FileOptions.SequentialScan));
    }

    public static ResponseFile FromBytes(string name, byte[] content, ResponseFileFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new ResponseFile(name, format ?? Detect(name, content), () => new MemoryStream(content, writable: false));
    }

    public Stream Open() => open();

    /// <summary>Opens the file as a table of text cells.</summary>
    public IResponseTable OpenTable()
    {
        var stream = Open();
        try
        {
            return Format == ResponseFileFormat.Xlsx ? new XlsxResponseTable(stream, SheetName) : new CsvResponseTable(stream, Delimiter);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static ResponseFileFormat Detect(string path)
    {
        var byName = ByExtension(path);
        if (byName is { } known)
        {
            return known;
        }

        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[2];
        var read = stream.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        return read == 2 && head[0] == (byte)'P' && head[1] == (byte)'K' ? ResponseFileFormat.Xlsx : ResponseFileFormat.Csv;
    }

    private static ResponseFileFormat Detect(string name, byte[] content) =>
        ByExtension(name) ?? (content.Length >= 2 && content[0] == (byte)'P' && content[1] == (byte)'K' ? ResponseFileFormat.Xlsx : ResponseFileFormat.Csv);

    private static ResponseFileFormat? ByExtension(string name) => Path.GetExtension(name).ToUpperInvariant() switch
    {
        ".XLSX" => ResponseFileFormat.Xlsx,
        ".CSV" or ".TXT" or ".TSV" => ResponseFileFormat.Csv,
        _ => null,
    };
}
