using System.IO.Compression;

namespace ParIndex.Application.Evidence;

/// <summary>
/// Recognises the accepted evidence formats from the bytes themselves (the name and the browser's
/// claim are not trusted): PDF, PNG, JPEG, DOCX, XLSX.
/// </summary>
public static class EvidenceContentType
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The detected content type of a seekable stream, or null when it is none of the accepted formats.</summary>
    public static string? Detect(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Position = 0;
        Span<byte> head = stackalloc byte[8];
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        stream.Position = 0;
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }

        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return Jpeg;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return DetectOfficeZip(stream);
        }

        return null;
    }

    private static string? DetectOfficeZip(Stream stream)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            if (names.Contains("word/document.xml"))
            {
                return Docx;
            }

            return names.Contains("xl/workbook.xml") ? Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            stream.Position = 0;
        }
    }
}
