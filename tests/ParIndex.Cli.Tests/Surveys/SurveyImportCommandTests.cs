using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Surveys;
using ParIndex.Data;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Sqlite;
using ParIndex.Data.Surveys;
using ParIndex.Data.Units;
using ParIndex.Surveys.Demo;

namespace ParIndex.Cli.Tests.Surveys;

/// <summary><c>parindex survey import</c> against a real SQLite database migrated like the web app's.</summary>
public sealed class SurveyImportCommandTests : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("parindex-survey-import-").FullName;
    private int campaignId;

    private string Database => Path.Combine(directory, "parindex.db");

    private string Connection => $"Data Source={Database};Pooling=False";

    private string Responses => Path.Combine(directory, "ket-qua-khao-sat.csv");

    private ParIndexDbContext Db() => new(new DbContextOptionsBuilder<ParIndexDbContext>().UseParIndexSqlite(Connection).Options);

    public async Task InitializeAsync()
    {
        var framework = BuiltInFrameworks.Province2023;
        await using var db = Db();
        await db.Database.MigrateAsync();
        var record = new FrameworkRecord { FrameworkId = framework.Id, Version = framework.Version, Year = framework.Year, Title = framework.Title, Json = FrameworkFile.ToJson(framework), ImportedAt = DateTime.UtcNow };
        var campaign = new Campaign { Name = "PAR INDEX 2023", Year = 2023, Framework = record, CreatedAt = DateTime.UtcNow };
        foreach (var code in new[] { "BG", "LS" })
        {
            db.Assessments.Add(new Assessment { Campaign = campaign, Unit = new Unit { Code = code, Name = "Tỉnh " + code, Kind = "province" } });
        }

        var questionnaire = DemoSurvey.Questionnaire(framework);
        db.SurveyQuestionnaires.Add(new SurveyQuestionnaireRecord
        {
            Campaign = campaign,
            Code = questionnaire.Id,
            RespondentGroup = questionnaire.RespondentGroup,
            Title = questionnaire.Title,
            Json = QuestionnaireFile.ToJson(questionnaire),
            UpdatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        campaignId = campaign.Id;
        using var writer = new StreamWriter(Responses);
        DemoSurveyGenerator.WriteWideCsv(writer, questionnaire, ["BG", "LS"], 25, seed: 7);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    private (int Code, string Out, string Err) Import(string file, string questionnaire = DemoSurvey.RespondentGroup)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] args = ["survey", "import", file, "--campaign", campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--questionnaire", questionnaire, "--connection", Connection, "--user", "kiem-thu"];
        var code = CliApp.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Imports_into_the_campaign_scores_the_survey_leaves_and_refuses_the_same_file_again()
    {
        var (code, output, error) = Import(Responses);

        Assert.True(code == 0, output + error);
        Assert.Contains("Đã nhập lô", output, StringComparison.Ordinal);
        await using (var db = Db())
        {
            Assert.Equal(50, await db.SurveyBatches.SumAsync(b => b.Respondents));
            // 27 survey leaves × 50 respondents, minus blank cells: every stored answer is one cell of the file.
            Assert.Equal(await db.SurveyBatches.SumAsync(b => b.Answers), await db.SurveyAnswers.LongCountAsync());
            var scored = await db.LeafEntries.CountAsync(e => e.SurveyScore != null);
            Assert.Equal(2 * 27, scored);
            Assert.Equal("kiem-thu", await db.SurveyBatches.Select(b => b.ImportedBy).SingleAsync());
        }

        var again = Import(Responses);
        Assert.Equal(1, again.Code);
        Assert.Contains("đã được nhập", again.Out, StringComparison.Ordinal);
        await using (var db = Db())
        {
            Assert.Equal(1, await db.SurveyBatches.CountAsync());
        }
    }

    [Fact]
    public async Task A_bad_cell_exits_1_naming_row_and_column_and_writes_nothing()
    {
        var lines = await File.ReadAllLinesAsync(Responses);
        var cells = lines[3].Split(',');
        var header = lines[0].Split(',');
        var column = Array.FindIndex(header, h => h.StartsWith('Q'));
        cells[column] = "Z";
        lines[3] = string.Join(',', cells);
        var bad = Path.Combine(directory, "loi.csv");
        await File.WriteAllLinesAsync(bad, lines);

        var (code, output, _) = Import(bad);

        Assert.Equal(1, code);
        Assert.Contains($"Dòng 4, cột {(char)('A' + column)} ({header[column]})", output, StringComparison.Ordinal);
        Assert.Contains("Không có gì được ghi", output, StringComparison.Ordinal);
        await using var db = Db();
        Assert.Equal(0, await db.SurveyBatches.CountAsync());
        Assert.Equal(0, await db.SurveyAnswers.CountAsync());
    }

    [Fact]
    public void Without_a_connection_or_with_an_unknown_questionnaire_it_exits_2()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Environment.SetEnvironmentVariable("ConnectionStrings__ParIndex", null);
        Assert.Equal(2, CliApp.Run(["survey", "import", Responses, "--campaign", "1", "--questionnaire", "x"], stdout, stderr));
        Assert.Contains("chuỗi kết nối", stderr.ToString(), StringComparison.Ordinal);

        var unknown = Import(Responses.Replace("ket-qua", "khong-co", StringComparison.Ordinal));
        Assert.Equal(2, unknown.Code);
        var (code, _, error) = Import(Responses, "khong-co-phieu");
        Assert.Equal(2, code);
        Assert.Contains("không có phiếu khảo sát 'khong-co-phieu'", error, StringComparison.Ordinal);
    }
}
