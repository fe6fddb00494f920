using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;
using ParIndex.Tests.Shared;

namespace ParIndex.Documents.Tests.OfficialTables;

/// <summary>An official-table xlsx that unzips into too much is refused before the document model loads it.</summary>
public sealed class XlsxTableBombTests
{
    /// <summary>The reader copies the workbook (a few MB) and the guard reads with one buffer.</summary>
    private const long MaxAllocatedBytes = 16 * 1024 * 1024;

    public static TheoryData<string> Bombs => new() { "gibibyte-sheet", "30-mb-sheet", "many-entries", "lying-sizes" };

    [Theory]
    [MemberData(nameof(Bombs))]
    public void A_zip_bomb_is_refused_on_line_1_with_bounded_memory(string kind)
    {
        var bomb = kind switch
        {
            "gibibyte-sheet" => ZipBombs.XlsxWithHugeSheet(1L << 30),
            "30-mb-sheet" => ZipBombs.XlsxWithHugeSheet(30L * 1024 * 1024), // under the total, refused by its ratio
            "many-entries" => ZipBombs.ManyEntries(100_000),
            "lying-sizes" => ZipBombs.WithDeclaredSizes(ZipBombs.XlsxWithHugeSheet(300L * 1024 * 1024), 4000),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var stream = new MemoryStream(bomb);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var refused = Assert.Throws<OfficialTableFormatException>(() => OfficialTableFileReader.Read(stream));

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MaxAllocatedBytes + (2L * bomb.Length), $"{allocated} bytes allocated");
        Assert.Equal(1, refused.Line);
        Assert.StartsWith("Dòng 1: ", refused.Message, StringComparison.Ordinal);
        Assert.Contains("tệp nén", refused.Message, StringComparison.OrdinalIgnoreCase);
    }
}
