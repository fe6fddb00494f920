using ParIndex.Core.OfficialTables;

namespace ParIndex.Documents.OfficialTables;

/// <summary>
/// Reads an official table in whichever form it comes, recognised by its content, not by its name:
/// an .xlsx workbook (a zip archive starting with <c>PK</c>), a PDF (<c>%PDF-</c>), or the
/// PDF-to-text form.
/// </summary>
public static class OfficialTableFileReader
{
    /// <exception cref="OfficialTableFormatException">The document is not a readable table.</exception>
    public static OfficialTable Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = new byte[1024];
        var read = stream.ReadAtLeast(start, start.Length, throwOnEndOfStream: false);
        var rest = stream.CanSeek ? stream : null;
        Stream whole;
        if (rest is not null)
        {
            rest.Seek(-read, SeekOrigin.Current);
            whole = rest;
        }
        else
        {
            var copy = new MemoryStream();
            copy.Write(start, 0, read);
            stream.CopyTo(copy);
            copy.Position = 0;
            whole = copy;
        }

        if (XlsxTableReader.LooksLikeXlsx(start.AsSpan(0, read)))
        {
            return XlsxTableReader.Read(whole);
        }

        return PdfTableReader.LooksLikePdf(start.AsSpan(0, read)) ? PdfTableReader.Read(whole) : OfficialTableTextReader.Read(whole);
    }

    public static OfficialTable Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }
}
