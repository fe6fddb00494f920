using System.Text;

namespace ParIndex.Documents.Tests.Support;

/// <summary>
/// A one-page PDF 1.7 whose cross-reference section is a stream (as Word and some printers write
/// them), built by the test because the app's own writer (PDFsharp) writes classic tables.
/// </summary>
internal static class XrefStreamPdf
{
    public static byte[] Create()
    {
        using var output = new MemoryStream();
        var offsets = new List<long> { 0 };
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        void Object(string body)
        {
            offsets.Add(output.Position);
            Write($"{offsets.Count - 1} 0 obj\n{body}\nendobj\n");
        }

        const string content = "0.2 0.4 0.8 rg 100 600 300 120 re f";
        Write("%PDF-1.7\n%\u00e2\u00e3\n");
        Object("<</Type/Catalog/Pages 2 0 R>>");
        Object("<</Type/Pages/Kids[3 0 R]/Count 1>>");
        Object("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<<>>>>");
        Object($"<</Length {content.Length}>>\nstream\n{content}\nendstream");

        var xrefOffset = output.Position;
        using var entries = new MemoryStream();
        entries.Write([0, 0, 0, 0, 0, 0xFF, 0xFF]);
        foreach (var offset in offsets.Skip(1).Append(xrefOffset))
        {
            entries.Write([1, (byte)(offset >> 24), (byte)(offset >> 16), (byte)(offset >> 8), (byte)offset, 0, 0]);
        }

        Write($"5 0 obj\n<</Type/XRef/Size 6/Root 1 0 R/W[1 4 2]/Index[0 6]/ID[<0123456789ABCDEF0123456789ABCDEF><0123456789ABCDEF0123456789ABCDEF>]/Length {entries.Length}>>\nstream\n");
        output.Write(entries.ToArray());
        Write($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
        return output.ToArray();
    }
}
