using System.IO.Compression;
using System.Text;

namespace ParIndex.Web.Tests.Infrastructure;

/// <summary>Small real files of each accepted type, made in memory.</summary>
public static class TestFiles
{
    public static byte[] Pdf(int padding = 0)
    {
        var text = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + new string('x', padding) + "\ntrailer << /Root 1 0 R >>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(text);
    }

    public static byte[] Png() =>
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4, 0x89,
    ];

    /// <summary>A minimal DOCX package (the parts that identify it).</summary>
    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    /// <summary>A zip that is no Office document.</summary>
    public static byte[] PlainZip() => Zip(("readme.txt", "hello"));

    public static byte[] Executable() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return memory.ToArray();
    }
}
