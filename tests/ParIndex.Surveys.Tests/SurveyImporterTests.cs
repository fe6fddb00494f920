using ParIndex.Core.Surveys;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;
using static ParIndex.Surveys.Tests.SurveyFixtures;

namespace ParIndex.Surveys.Tests;

public class SurveyImporterTests
{
    public static TheoryData<string> Shapes => new() { "csv-wide", "csv-long", "xlsx-wide", "xlsx-long", "csv-wide-semicolon" };

    private static (ResponseFile File, SurveyColumnMapping Mapping) Make(string kind) => kind switch
    {
        "csv-wide" => (CsvFile(Csv(WideRows)), Wide),
        "csv-long" => (CsvFile(Csv(LongRows())), Long),
        "xlsx-wide" => (XlsxFile(WideRows), Wide),
        "xlsx-long" => (XlsxFile(LongRows()), Long),
        "csv-wide-semicolon" => (CsvFile("\uFEFF" + Csv(WideRows, ';')), Wide),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Every_shape_and_file_type_gives_the_hand_checked_scores(string kind)
    {
        var (file, mapping) = Make(kind);
        var sink = new InMemorySurveyAnswerSink();
        var result = await SurveyImporter.ImportAsync(file, TestQuestionnaire, TestFramework, mapping, sink);

        Assert.Equal(SurveyImportStatus.Imported, result.Status);
        Assert.Empty(result.Report.Problems);
        Assert.Equal(7, result.Report.Respondents);
        Assert.Equal(6, result.Report.RespondentsPerUnit["U1"]);
        Assert.Equal(1, result.Report.RespondentsPerUnit["U2"]);
        // 6 + 6 + 3 answers for U1 and 1 for U2, "không biết" included.
        Assert.Equal(16, result.AnswersWritten);
        Assert.Equal(16, sink.Answers.Count);
        Assert.Contains(new SurveyAnswer("U1", "r3", "Q1", "B"), sink.Answers);
        Assert.Contains(new SurveyAnswer("U1", "r6", "Q2", "0"), sink.Answers);

        var scores = result.Scores!;
        Assert.Equal([0.48m, 0.9m, 1.8333m, 0m], scores.Leaves.Select(l => l.Points));
        Assert.Equal([5L, 5L, 3L, 1L], scores.Leaves.Select(l => l.ValidAnswers));
        Assert.Equal([60m, 100m], scores.Sipas.Where(s => s.UnitCode == "U1").Select(s => s.Percent!.Value));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task One_bad_cell_names_its_row_and_column_and_writes_nothing(string type)
    {
        var rows = WideRows.Select(r => r.ToArray()).ToArray();
        rows[4][3] = "7"; // row 5 of the sheet, column D (Q2): 7 is not on the 1–5 scale.
        var file = type == "csv" ? CsvFile(Csv(rows)) : XlsxFile(rows);
        var sink = new InMemorySurveyAnswerSink();

        var result = await SurveyImporter.ImportAsync(file, TestQuestionnaire, TestFramework, Wide, sink);

        Assert.Equal(SurveyImportStatus.Invalid, result.Status);
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal(5, problem.Row);
        Assert.Equal(4, problem.Column);
        Assert.Equal("D", problem.ColumnLetter);
        Assert.Equal("Q2", problem.ColumnName);
        Assert.StartsWith("Dòng 5, cột D (Q2): Câu Q2: phương án \"7\" không có", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, sink.WriteCalls);
        Assert.Empty(sink.Answers);
        Assert.Empty(sink.Batches);
        Assert.Null(result.Scores);
    }

    [Fact]
    public async Task Long_file_problem_is_reported_at_its_row()
    {
        var rows = LongRows();
        rows[3][3] = "X";
        var result = await SurveyImporter.ImportAsync(CsvFile(Csv(rows)), TestQuestionnaire, TestFramework, Long, new InMemorySurveyAnswerSink());
        var problem = Assert.Single(result.Report.Problems);
        Assert.Equal((4, "answer"), (problem.Row, problem.ColumnName));
    }

    [Fact]
    public async Task Reimporting_the_same_file_is_refused()
    {
        var sink = new InMemorySurveyAnswerSink();
        var file = CsvFile(Csv(WideRows));
        var first = await SurveyImporter.ImportAsync(file, TestQuestionnaire, TestFramework, Wide, sink);
        var second = await SurveyImporter.ImportAsync(CsvFile(Csv(WideRows), "ban-sao.csv"), TestQuestionnaire, TestFramework, Wide, sink);

        Assert.Equal(SurveyImportStatus.Imported, first.Status);
        Assert.Equal(SurveyImportStatus.AlreadyImported, second.Status);
        Assert.Equal(first.ContentHash, second.ContentHash);
        Assert.Equal(64, first.ContentHash.Length);
        Assert.Single(sink.Batches);
        Assert.Equal(16, sink.Answers.Count);
    }

    [Fact]
    public async Task Weights_column_weights_the_mean()
    {
        // 2.4.1: A with weight 3, D with weight 1,5 ("1,5" Vietnamese style), B with blank weight (= 1), E with weight 9 (không biết).
        // Σw = 3 + 1,5 + 1 = 5,5; Σw·share = 3 + 0 + 0,6 = 3,6; mean 0,654545…; points 0,6545.
        var csv = "respondent,unit,weight,Q1\nr1,U1,3,A\nr2,U1,\"1,5\",D\nr3,U1,,B\nr4,U1,9,E\n";
        var sink = new InMemorySurveyAnswerSink();
        var result = await SurveyImporter.ImportAsync(CsvFile(csv), TestQuestionnaire, TestFramework, Wide with { WeightColumn = "weight" }, sink);
        var leaf = Assert.Single(result.Scores!.Leaves);
        Assert.Equal(3, leaf.ValidAnswers);
        Assert.Equal(0.6545m, leaf.Points);
        Assert.Equal(1.5m, sink.Answers.Single(a => a.RespondentId == "r2").Weight);
        Assert.Null(sink.Answers.Single(a => a.RespondentId == "r3").Weight);
    }

    [Fact]
    public async Task Bad_weight_unit_and_respondent_are_each_reported()
    {
        var csv = "respondent,unit,weight,Q1\n,U1,1,A\nr2,,1,A\nr3,U1,-2,A\nr4,U9,1,A\nr5,U1,1,A\nr5,U1,1,B\n";
        var mapping = Wide with { WeightColumn = "weight", KnownUnits = new HashSet<string> { "U1" } };
        var result = await SurveyImporter.ImportAsync(CsvFile(csv), TestQuestionnaire, TestFramework, mapping, new InMemorySurveyAnswerSink());
        Assert.Equal(
            ["Dòng 2, cột A (respondent)", "Dòng 3, cột B (unit)", "Dòng 4, cột C (weight)", "Dòng 5, cột B (unit)", "Dòng 7, cột A (respondent)"],
            result.Report.Problems.Select(p => p.ToString().Split(':')[0]));
    }

    [Fact]
    public async Task Only_the_first_hundred_problems_are_kept_but_all_are_counted()
    {
        var lines = Enumerable.Range(1, 150).Select(i => $"r{i},U1,Z");
        var csv = "respondent,unit,Q1\n" + string.Join("\n", lines);
        var result = await SurveyImporter.ImportAsync(CsvFile(csv), TestQuestionnaire, TestFramework, Wide, new InMemorySurveyAnswerSink());
        Assert.Equal(100, result.Report.Problems.Count);
        Assert.Equal(150, result.Report.TotalProblems);
        Assert.Equal(101, result.Report.Problems[^1].Row);
    }

    [Fact]
    public async Task A_failing_sink_is_rolled_back()
    {
        var sink = new FailingSink();
        await Assert.ThrowsAsync<IOException>(() => SurveyImporter.ImportAsync(CsvFile(Csv(WideRows)), TestQuestionnaire, TestFramework, Wide, sink));
        Assert.True(sink.RolledBack);
        Assert.False(sink.Committed);
    }

    [Fact]
    public async Task Fixed_unit_applies_to_every_respondent()
    {
        var csv = "id,Q1\n1,A\n2,B\n";
        var result = await SurveyImporter.ImportAsync(CsvFile(csv), TestQuestionnaire, TestFramework, new SurveyColumnMapping { FixedUnit = "SO-TU-PHAP" }, new InMemorySurveyAnswerSink());
        Assert.Equal(SurveyImportStatus.Imported, result.Status);
        Assert.Equal(0.8m, Assert.Single(result.Scores!.Leaves).Points);
        Assert.Equal("SO-TU-PHAP", result.Scores.Leaves[0].UnitCode);
    }

    [Fact]
    public void Validate_and_score_reads_once_without_a_sink()
    {
        var (report, scores) = SurveyImporter.ValidateAndScore(CsvFile(Csv(WideRows)), TestQuestionnaire, Wide, new SurveyScorer(TestFramework));
        Assert.True(report.IsValid);
        Assert.Equal(0.48m, scores.Leaves[0].Points);
    }

    private sealed class FailingSink : ISurveyAnswerSink
    {
        public bool RolledBack { get; private set; }

        public bool Committed { get; private set; }

        public Task<bool> ContainsBatchAsync(string contentHash, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task BeginBatchAsync(SurveyBatch batch, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task WriteAsync(ReadOnlyMemory<SurveyAnswer> answers, CancellationToken cancellationToken = default) => throw new IOException("ổ đĩa đầy");

        public Task CommitAsync(CancellationToken cancellationToken = default)
        {
            Committed = true;
            return Task.CompletedTask;
        }

        public Task RollbackAsync(CancellationToken cancellationToken = default)
        {
            RolledBack = true;
            return Task.CompletedTask;
        }
    }
}
