using System.IO.Compression;
using System.Text;
using ParIndex.Core.Files;
using ParIndex.Tests.Shared;

namespace ParIndex.Core.Tests.Files;

/// <summary>
/// Zip bombs are refused before a reader inflates them, with memory bounded by one read buffer:
/// the refusal itself allocates less than <see cref="MaxAllocatedBytes"/> on the test's thread.
/// </summary>
public sealed class ZipInputGuardTests
{
    /// <summary>The guard's own allocations: the end-record tail (64 KB), the read buffer (64 KB) and the zip reader's state.</summary>
    private const long MaxAllocatedBytes = 4 * 1024 * 1024;

    private static readonly ZipInputLimits Limits = ZipInputLimits.SurveyResponses;

    [Fact]
    public void A_sheet_declared_at_one_gibibyte_is_refused_from_the_central_directory()
    {
        var bomb = ZipBombs.XlsxWithHugeSheet(1L << 30);
        Assert.True(bomb.Length < 4 * 1024 * 1024, $"the bomb is {bomb.Length} bytes");
        using var stream = new MemoryStream(bomb);
        var (refused, allocated) = Refuse(stream);
        Assert.Contains("MB", refused.Message, StringComparison.Ordinal);
        Assert.True(allocated < MaxAllocatedBytes, $"{allocated} bytes allocated");
        Assert.Equal(0, stream.Position);
    }

    [Fact]
    public void A_sheet_under_the_total_but_a_thousand_times_compressed_is_refused_by_its_ratio()
    {
        using var stream = new MemoryStream(ZipBombs.XlsxWithHugeSheet(64L * 1024 * 1024));
        var (refused, allocated) = Refuse(stream);
        Assert.Contains("tỷ lệ nén", refused.Message, StringComparison.Ordinal);
        Assert.True(allocated < MaxAllocatedBytes, $"{allocated} bytes allocated");
    }

    [Fact]
    public void A_hundred_thousand_entries_are_refused_before_any_entry_is_read()
    {
        using var stream = new MemoryStream(ZipBombs.ManyEntries(100_000));
        var (refused, allocated) = Refuse(stream);
        Assert.Contains("100000 mục", refused.Message, StringComparison.Ordinal);
        // Only the end record is read: no entry objects for the 100 000 names.
        Assert.True(allocated < 512 * 1024, $"{allocated} bytes allocated");
    }

    [Fact]
    public void Declared_sizes_that_lie_are_caught_while_inflating()
    {
        // 200 MB of letters declared as 1 000 bytes: the central directory looks harmless.
        var liar = ZipBombs.WithDeclaredSizes(ZipBombs.XlsxWithHugeSheet(200L * 1024 * 1024), 1000);
        using var stream = new MemoryStream(liar);
        var (refused, allocated) = Refuse(stream);
        Assert.Contains("kích thước khai báo", refused.Message, StringComparison.Ordinal);
        Assert.True(allocated < MaxAllocatedBytes, $"{allocated} bytes allocated");
    }

    [Fact]
    public void An_ordinary_workbook_passes_and_the_position_is_kept()
    {
        var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml").Open();
            var rows = string.Concat(Enumerable.Range(1, 20_000).Select(i => $"<row r=\"{i}\"><c r=\"A{i}\"><v>{i % 5}</v></c></row>"));
            entry.Write(Encoding.UTF8.GetBytes($"<worksheet><sheetData>{rows}</sheetData></worksheet>"));
        }

        output.Position = 0;
        ZipInputGuard.Check(output, Limits);
        Assert.Equal(0, output.Position);
    }

    [Fact]
    public void Bytes_that_are_not_a_zip_are_an_invalid_data_error()
    {
        using var text = new MemoryStream(Encoding.UTF8.GetBytes("id,don_vi,Q1\nr1,BG,5\n"));
        Assert.Throws<InvalidDataException>(() => ZipInputGuard.Check(text, Limits));
        using var truncated = new MemoryStream(ZipBombs.XlsxWithHugeSheet(4096)[..200]);
        Assert.Throws<InvalidDataException>(() => ZipInputGuard.Check(truncated, Limits));
    }

    private static (ZipInputRefusedException Refused, long Allocated) Refuse(Stream stream)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<ZipInputRefusedException>(() => ZipInputGuard.Check(stream, Limits));
        return (refused, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
