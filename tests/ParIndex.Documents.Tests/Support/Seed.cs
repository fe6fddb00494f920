using ParIndex.Core.OfficialTables;

namespace ParIndex.Documents.Tests.Support;

/// <summary>The seed table (Bắc Giang 2023), read by the text reader.</summary>
internal static class Seed
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2023-self-assessment.txt");

    public static OfficialTable Table()
    {
        using var stream = File.OpenRead(Path);
        return OfficialTableTextReader.Read(stream);
    }
}
