using MiniExcelLibs;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;
using ParIndex.Tests.Shared;
using static ParIndex.Surveys.Tests.SurveyFixtures;

namespace ParIndex.Surveys.Tests;

/// <summary>Response files that must be refused, not stored: zip bombs and files with only a header row.</summary>
public sealed class HostileResponseFileTests
{
    /// <summary>What refusing a bomb may allocate: the workbook is already in memory, the guard reads with one buffer.</summary>
    private const long MaxAllocatedBytes = 8 * 1024 * 1024;

    public static TheoryData<string> Bombs => new() { "gibibyte-sheet", "high-ratio-sheet", "many-entries", "lying-sizes" };

    private static byte[] Bomb(string kind) => kind switch
    {
        "gibibyte-sheet" => ZipBombs.XlsxWithHugeSheet(1L << 30),
        "high-ratio-sheet" => ZipBombs.XlsxWithHugeSheet(100L * 1024 * 1024),
        "many-entries" => ZipBombs.ManyEntries(100_000),
        "lying-sizes" => ZipBombs.WithDeclaredSizes(ZipBombs.XlsxWithHugeSheet(300L * 1024 * 1024), 4000),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Bombs))]
    public async Task A_zip_bomb_is_refused_with_a_clear_message_and_bounded_memory(string kind)
    {
        var file = ResponseFile.FromBytes("bom.xlsx", Bomb(kind));
        // The synchronous pass, so that every allocation is on this thread.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<SurveyFileFormatException>(() => SurveyImporter.ValidateAndScore(file, TestQuestionnaire, Wide, new Core.Surveys.SurveyScorer(TestFramework)));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < MaxAllocatedBytes, $"{allocated} bytes allocated");
        Assert.Contains("tệp nén", refused.Message, StringComparison.OrdinalIgnoreCase);

        var sink = new InMemorySurveyAnswerSink();
        await Assert.ThrowsAsync<SurveyFileFormatException>(() => SurveyImporter.ImportAsync(file, TestQuestionnaire, TestFramework, Wide, sink));
        Assert.Empty(sink.Batches);
        Assert.Empty(sink.Answers);
    }

    public static TheoryData<string> HeaderOnly => new() { "csv-wide", "csv-long", "xlsx-wide", "xlsx-long", "csv-wide-blank-lines" };

    [Theory]
    [MemberData(nameof(HeaderOnly))]
    public async Task A_file_with_only_a_header_row_is_refused_and_nothing_is_stored(string kind)
    {
        var (file, mapping) = kind switch
        {
            "csv-wide" => (CsvFile(Csv([WideRows[0]])), Wide),
            "csv-long" => (CsvFile(Csv([LongRows()[0]])), Long),
            "xlsx-wide" => (HeaderOnlyXlsx(WideRows[0]), Wide),
            "xlsx-long" => (HeaderOnlyXlsx(LongRows()[0]), Long),
            "csv-wide-blank-lines" => (CsvFile(Csv([WideRows[0]]) + "\r\n,,,,\r\n\r\n"), Wide),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var sink = new InMemorySurveyAnswerSink();

        var result = await SurveyImporter.ImportAsync(file, TestQuestionnaire, TestFramework, mapping, sink);

        Assert.Equal(SurveyImportStatus.Invalid, result.Status);
        var problem = Assert.Single(result.Report.Problems);
        Assert.Contains("không có dòng câu trả lời nào", problem.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Batches);
        Assert.Equal(0, result.AnswersWritten);
    }

    /// <summary>An xlsx whose only row is the header (MiniExcel writes a header only above data rows, so the header is written as data).</summary>
    private static ResponseFile HeaderOnlyXlsx(string[] header)
    {
        var row = new Dictionary<string, object?>();
        for (var i = 0; i < header.Length; i++)
        {
            row["c" + i] = header[i];
        }

        using var stream = new MemoryStream();
        stream.SaveAs(new[] { row }, printHeader: false, excelType: ExcelType.XLSX);
        return ResponseFile.FromBytes("chi-tieu-de.xlsx", stream.ToArray());
    }
}
