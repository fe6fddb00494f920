using ParIndex.Core.Surveys;
using ParIndex.Surveys.Responses;
using static ParIndex.Surveys.Tests.SurveyFixtures;

namespace ParIndex.Surveys.Tests;

/// <summary>The reader's duplicate checks with runs forced small, so that they go through the temporary file and the merge.</summary>
public sealed class SurveyDuplicateTests : IDisposable
{
    private const int InMemory = DuplicateFinder.DefaultRunRecords;

    private readonly string tempDirectory = Directory.CreateTempSubdirectory("parindex-dup-test-").FullName;

    public void Dispose() => Directory.Delete(tempDirectory, recursive: true);

    private SurveyValidationReport Read(string csv, SurveyColumnMapping mapping, int runRecords, bool checkDuplicates = true)
    {
        using var table = CsvFile(csv).OpenTable();
        using var reader = new SurveyResponseReader(table, TestQuestionnaire, mapping, new SurveyProblemCollector(), new SurveyScorer(TestFramework),
            checkDuplicates, countRespondents: true, runRecords, tempDirectory);
        var report = reader.ReadToEnd();
        Assert.Empty(Directory.EnumerateFileSystemEntries(tempDirectory));
        if (OperatingSystem.IsLinux())
        {
            // Reading to the end released the temporary file, before the reader is disposed.
            Assert.Empty(DuplicateFinderTests.OpenFilesUnder(tempDirectory));
        }

        return report;
    }

    private static string[] Where(SurveyValidationReport report) => [.. report.Problems.Select(p => p.ToString().Split(':')[0])];

    private static void AssertSameReport(SurveyValidationReport expected, SurveyValidationReport actual)
    {
        Assert.Equal(expected.Problems, actual.Problems);
        Assert.Equal(
            (expected.TotalProblems, expected.DataRows, expected.Respondents, expected.Answers),
            (actual.TotalProblems, actual.DataRows, actual.Respondents, actual.Answers));
        Assert.Equal(expected.RespondentsPerUnit.OrderBy(kv => kv.Key), actual.RespondentsPerUnit.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Wide_repeats_anywhere_in_a_large_file_are_each_reported_at_their_row()
    {
        // 3,000 respondents and 1,000 repeats of earlier ids inserted at random places, over 63 runs of 64 rows.
        var random = new Random(2023);
        var ids = Enumerable.Range(1, 3000).Select(i => $"R{i:D5}").ToList();
        for (var i = 0; i < 1000; i++)
        {
            ids.Insert(random.Next(ids.Count + 1), ids[random.Next(ids.Count)]);
        }

        var csv = "respondent,unit,Q1\n" + string.Concat(ids.Select((id, i) => $"{id},U{i % 3},A\n"));
        var report = Read(csv, Wide, runRecords: 64);

        var seen = new HashSet<string>();
        var repeats = ids.Select((id, i) => (Id: id, Row: i + 2)).Where(r => !seen.Add(r.Id)).ToList();
        Assert.Equal(1000, report.TotalProblems);
        Assert.Equal(
            repeats.Take(100).Select(r => $"Dòng {r.Row}, cột A (respondent): Mã người trả lời \"{r.Id}\" đã xuất hiện ở một dòng trước."),
            report.Problems.Select(p => p.ToString()));
        // Repeated rows are neither respondents nor answers, as before.
        Assert.Equal((4000, 3000, 3000L), (report.DataRows, report.Respondents, report.Answers));
        var firstRows = ids.Select((id, i) => (id, i)).GroupBy(x => x.id).Select(g => g.First().i);
        Assert.Equal(firstRows.Count(i => i % 3 == 0), report.RespondentsPerUnit["U0"]);
        AssertSameReport(Read(csv, Wide, InMemory), report);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(InMemory)]
    public void Wide_repeat_takes_its_place_among_the_rows_other_problems(int runRecords)
    {
        var csv = "respondent,unit,Q1\nr1,U1,A\nr1,,Z\nr2,U1,Z\nr1,U1,A\nr3,U2,B\n";
        var report = Read(csv, Wide, runRecords);
        // Unit, then the repeat, then the answer: the order the checks always had within a row.
        Assert.Equal(["Dòng 3, cột B (unit)", "Dòng 3, cột A (respondent)", "Dòng 3, cột C (Q1)", "Dòng 4, cột C (Q1)", "Dòng 5, cột A (respondent)"], Where(report));
        Assert.Equal((2, 2L), (report.Respondents, report.Answers));
        Assert.Equal(new Dictionary<string, int> { ["U1"] = 1, ["U2"] = 1 }, report.RespondentsPerUnit);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(InMemory)]
    public void Long_repeated_answer_unit_change_and_late_answer_problems(int runRecords)
    {
        var csv = "respondent,unit,question,answer\n"
            + "r1,U1,Q1,A\n"  // 2
            + "r1,U1,Q1,Z\n"  // 3: Q1 again — the repetition is reported, not the answer
            + "r1,U2,Q2,9\n"  // 4: 9 is not on the scale, and r1 was under U1
            + "r2,U1,Q1,Z\n"  // 5: not on the scale
            + "r2,U1,Q2,5\n"  // 6: r2's first valid row
            + "r3,U2,Q3,5\n"  // 7
            + "r1,U1,Q3,4\n"; // 8
        var report = Read(csv, Long, runRecords);
        Assert.Equal(["Dòng 3, cột C (question)", "Dòng 4, cột D (answer)", "Dòng 4, cột B (unit)", "Dòng 5, cột D (answer)"], Where(report));
        Assert.Equal("Người trả lời \"r1\" đã có câu trả lời cho câu Q1 ở một dòng trước.", report.Problems[0].Message);
        Assert.StartsWith("Câu Q2: phương án \"9\" không có trong thang trả lời", report.Problems[1].Message, StringComparison.Ordinal);
        Assert.Equal("Người trả lời \"r1\" đã thuộc đơn vị U1 ở dòng trước, dòng này ghi đơn vị U2.", report.Problems[2].Message);
        Assert.Equal((3, 4L), (report.Respondents, report.Answers));
        Assert.Equal(new Dictionary<string, int> { ["U1"] = 2, ["U2"] = 1 }, report.RespondentsPerUnit);
    }

    [Fact]
    public void Long_respondents_are_counted_without_the_duplicate_check_too()
    {
        var report = Read(Csv(LongRows()), Long, runRecords: 2, checkDuplicates: false);
        Assert.True(report.IsValid);
        Assert.Equal(7, report.Respondents);
        Assert.Equal(new Dictionary<string, int> { ["U1"] = 6, ["U2"] = 1 }, report.RespondentsPerUnit);
    }

    [Fact]
    public void Long_file_of_many_respondents_matches_the_in_memory_check()
    {
        // 1,500 respondents × 3 questions in shuffled order, some answers repeated, some respondents moved to another unit.
        var random = new Random(5);
        var rows = new List<string>();
        for (var r = 0; r < 1500; r++)
        {
            foreach (var q in new[] { "Q1", "Q2", "Q3" })
            {
                rows.Add($"p{r},U{r % 4},{q},{(q == "Q1" ? "B" : "4")}");
            }
        }

        for (var i = 0; i < 200; i++)
        {
            var r = random.Next(1500);
            rows.Add(i % 2 == 0 ? $"p{r},U{r % 4},Q2,X" : $"p{r},U{(r + 1) % 4},Q4,5");
        }

        rows = [.. rows.OrderBy(_ => random.Next())];
        var csv = "respondent,unit,question,answer\n" + string.Join("\n", rows);
        var spilled = Read(csv, Long, runRecords: 100);
        // At least one problem per added row: a repeated or unreadable Q2 answer, an unknown Q4 (and a unit change).
        Assert.InRange(spilled.TotalProblems, 200, 1000);
        Assert.Contains(spilled.Problems, p => p.Message.Contains("đã có câu trả lời cho câu Q2", StringComparison.Ordinal));
        Assert.Contains(spilled.Problems, p => p.Message.Contains("đã thuộc đơn vị", StringComparison.Ordinal));
        AssertSameReport(Read(csv, Long, InMemory), spilled);
    }

    [Fact]
    public void Only_the_first_hundred_problems_in_row_order_are_kept_when_repeats_are_found_late()
    {
        // Even data rows repeat one id (a late problem), odd rows have a bad answer (found at once).
        var lines = Enumerable.Range(0, 300).Select(i => i % 2 == 0 ? $"same,U1,A" : $"r{i},U1,Z");
        var csv = "respondent,unit,Q1\n" + string.Join("\n", lines);
        var report = Read(csv, Wide, runRecords: 16);
        Assert.Equal(299, report.TotalProblems);
        Assert.Equal(Enumerable.Range(3, 100), report.Problems.Select(p => p.Row));
        Assert.Equal(report.Problems.Select(p => p.Row % 2 == 0 ? "A" : "C"), report.Problems.Select(p => p.ColumnLetter));
    }

    [Fact]
    public async Task An_import_cancelled_during_validation_leaves_no_temporary_file()
    {
        // 80,000 respondents: more than one run of the duplicate check, so pass 1 has spilled to disk
        // when the token is cancelled (by the stream, once 90% of the file has been read the second time).
        var csv = "respondent,unit,Q1\n" + string.Concat(Enumerable.Range(0, 80_000).Select(i => $"r{i},U1,A\n"));
        var bytes = System.Text.Encoding.UTF8.GetBytes(csv);
        using var cancel = new CancellationTokenSource();
        var opened = 0;
        var file = new ResponseFile("lon.csv", ResponseFileFormat.Csv,
            () => new CancellingStream(bytes, ++opened == 2 ? cancel : null, bytes.Length * 9 / 10));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Import.SurveyImporter.ImportAsync(file, TestQuestionnaire, TestFramework, Wide, new Import.InMemorySurveyAnswerSink(), cancel.Token));

        Assert.Equal(2, opened);
        if (OperatingSystem.IsLinux())
        {
            // Directly in the system's temporary directory: the other tests' finders use their own subdirectories.
            Assert.Empty(DuplicateFinderTests.OpenFilesUnder(Path.Combine(Path.GetTempPath(), "parindex-survey-keys-")));
        }
    }

    /// <summary>A stream over bytes that cancels a token once <c>threshold</c> bytes have been read.</summary>
    private sealed class CancellingStream(byte[] bytes, CancellationTokenSource? cancel, int threshold) : MemoryStream(bytes, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => After(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => After(base.Read(buffer));

        private int After(int read)
        {
            if (Position >= threshold)
            {
                cancel?.Cancel();
            }

            return read;
        }
    }

    [Fact]
    public void A_reader_left_before_the_end_releases_its_temporary_file_when_disposed()
    {
        var csv = "respondent,unit,Q1\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"r{i},U1,A\n"));
        using var table = CsvFile(csv).OpenTable();
        var reader = new SurveyResponseReader(table, TestQuestionnaire, Wide, new SurveyProblemCollector(), null,
            checkDuplicates: true, countRespondents: true, runRecords: 10, tempDirectory);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(reader.ReadRow(null));
        }

        if (OperatingSystem.IsLinux())
        {
            Assert.Single(DuplicateFinderTests.OpenFilesUnder(tempDirectory));
        }

        reader.Dispose();
        Assert.Empty(Directory.EnumerateFileSystemEntries(tempDirectory));
        if (OperatingSystem.IsLinux())
        {
            Assert.Empty(DuplicateFinderTests.OpenFilesUnder(tempDirectory));
        }
    }
}
