using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace ParIndex.Tests.Shared;

/// <summary>
/// Hostile zip archives built in the test, streaming, so the test itself stays small in memory:
/// an xlsx whose sheet inflates to gigabytes, an archive with 100 000 entries, and one whose
/// declared sizes lie. Linked into each test project that needs them.
/// </summary>
internal static class ZipBombs
{
    private const string ContentTypes =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>";

    private const string RootRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

    private const string Workbook =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

    private const string WorkbookRels =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

    /// <summary>
    /// A well-formed xlsx whose only sheet has a header row <c>id,don_vi,Q1</c> and then one cell
    /// holding <paramref name="inflatedBytes"/> of repeated letters: 1 GiB compresses to about 1 MB.
    /// </summary>
    public static byte[] XlsxWithHugeSheet(long inflatedBytes)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(zip, "[Content_Types].xml", ContentTypes);
            AddText(zip, "_rels/.rels", RootRels);
            AddText(zip, "xl/workbook.xml", Workbook);
            AddText(zip, "xl/_rels/workbook.xml.rels", WorkbookRels);
            var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal);
            using var stream = sheet.Open();
            var head = Encoding.UTF8.GetBytes(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>id</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>don_vi</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>Q1</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>");
            var tail = Encoding.UTF8.GetBytes("</t></is></c></row></sheetData></worksheet>");
            stream.Write(head);
            var chunk = new byte[1024 * 1024];
            chunk.AsSpan().Fill((byte)'a');
            var left = Math.Max(0, inflatedBytes - head.Length - tail.Length);
            while (left > 0)
            {
                var n = (int)Math.Min(left, chunk.Length);
                stream.Write(chunk, 0, n);
                left -= n;
            }

            stream.Write(tail);
        }

        return output.ToArray();
    }

    /// <summary>An archive of <paramref name="count"/> entries, all empty but the first.</summary>
    public static byte[] ManyEntries(int count)
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            AddText(zip, "[Content_Types].xml", ContentTypes);
            for (var i = 1; i < count; i++)
            {
                zip.CreateEntry("x/" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), CompressionLevel.NoCompression);
            }
        }

        return output.ToArray();
    }

    /// <summary>
    /// <paramref name="zip"/> with every entry's declared uncompressed size (local header and
    /// central directory) set to <paramref name="declared"/> bytes: the content is unchanged.
    /// </summary>
    public static byte[] WithDeclaredSizes(byte[] zip, uint declared)
    {
        var bytes = (byte[])zip.Clone();
        var span = bytes.AsSpan();
        var eocd = span.Length - 22; // written without a comment
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(span[(eocd + 10)..]);
        var at = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(eocd + 16)..]);
        for (var n = 0; n < entries; n++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 24)..], declared);
            var local = (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(at + 42)..]);
            BinaryPrimitives.WriteUInt32LittleEndian(span[(local + 22)..], declared);
            at += 46 + BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 28)..]) + BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 30)..])
                + BinaryPrimitives.ReadUInt16LittleEndian(span[(at + 32)..]);
        }

        return bytes;
    }

    private static void AddText(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }
}
