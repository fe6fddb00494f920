using ParIndex.Documents.OfficialTables;

namespace ParIndex.Tests.Shared;

/// <summary>The Documents tests' addition to the shared certificate chain: a PDF to sign.</summary>
internal sealed partial class TestCertificates
{
    /// <summary>A PDF of the official table, written by the app's own writer.</summary>
    public static byte[] TablePdf()
    {
        using var stream = new MemoryStream();
        PdfTableWriter.Write(AssessmentTableDocumentFactory.FromOfficialTable(ParIndex.Documents.Tests.Support.HandMadeTables.SeedExcerpt()), stream);
        return stream.ToArray();
    }
}
