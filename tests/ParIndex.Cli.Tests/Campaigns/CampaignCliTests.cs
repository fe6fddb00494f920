using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application;
using ParIndex.Application.Demo;
using ParIndex.Application.Results;
using ParIndex.Cli.Tests.Database;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Providers;

namespace ParIndex.Cli.Tests.Campaigns;

/// <summary>
/// <c>parindex campaign list|create|publish</c> and <c>results export</c> against a real database:
/// the same use cases as the web app, so the results a command writes equal the use case's.
/// </summary>
public abstract class CampaignCliTests : IAsyncLifetime
{
    protected string Folder { get; } = Path.Combine(Path.GetTempPath(), "parindex-cli-campaign-" + Guid.NewGuid().ToString("N"));

    protected abstract string Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        return Task.CompletedTask;
    }

    public virtual Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run([.. args, "--provider", Provider, "--connection", ConnectionString], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The use cases over the test database, with the demo seed enabled (as the web app in demo mode).</summary>
    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [ParIndexDatabase.ProviderKey] = Provider,
            ["ConnectionStrings:ParIndex"] = ConnectionString,
            ["Demo:Enabled"] = "true",
        }).Build();
        return new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration)
            .AddParIndexDatabase(configuration).AddParIndexApplication(configuration).AddParIndexAccountStore()
            .BuildServiceProvider();
    }

    private async Task SeedDemoAsync()
    {
        Assert.Equal(0, Run("db", "migrate").Code);
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }

    private async Task<T> UseAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Fact]
    public async Task List_on_an_empty_database_says_so_in_text_and_is_an_empty_array_in_json()
    {
        Assert.Equal(0, Run("db", "migrate").Code);
        var text = Run("campaign", "list");
        Assert.Equal(0, text.Code);
        Assert.Contains("Chưa có kỳ đánh giá nào.", text.Out, StringComparison.Ordinal);
        var json = Run("campaign", "list", "--json");
        Assert.Equal(0, json.Code);
        Assert.Equal(0, Json(json.Out).GetArrayLength());
        await Task.CompletedTask;
    }

    [Fact]
    public async Task List_shows_the_seeded_campaigns_with_states_publication_and_sample_flag()
    {
        await SeedDemoAsync();
        var json = Json(Run("campaign", "list", "--json").Out);
        var sample = json.EnumerateArray().First(c => c.GetProperty("isSample").GetBoolean() && c.GetProperty("year").GetInt32() == 2023);
        Assert.NotEqual(JsonValueKind.Null, sample.GetProperty("publishedAt").ValueKind);
        Assert.True(sample.GetProperty("units").GetInt32() > 0);
        Assert.Equal(sample.GetProperty("units").GetInt32(), sample.GetProperty("states").GetProperty("Published").GetInt32());
        var demo = json.EnumerateArray().Single(c => c.GetProperty("name").GetString() == DemoSeeder.CampaignName);
        Assert.False(demo.GetProperty("isSample").GetBoolean());

        var text = Run("campaign", "list");
        Assert.Equal(0, text.Code);
        Assert.Contains(DemoSeeder.CampaignName, text.Out, StringComparison.Ordinal);
        Assert.Contains("Đã công bố: ", text.Out, StringComparison.Ordinal);
        Assert.Contains("| mẫu", text.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_prints_the_new_id_lists_it_and_writes_the_operator_into_the_history()
    {
        await SeedDemoAsync();
        var framework = await UseAsync(async s => (await s.GetRequiredService<global::ParIndex.Application.Campaigns.CampaignService>().FrameworksAsync(default)).First(f => f.UnitKind == "province"));
        var previous = Json(Run("campaign", "list", "--json").Out).EnumerateArray().First(c => c.GetProperty("isSample").GetBoolean()).GetProperty("id").GetInt32();
        var created = Run("campaign", "create", "--name", "Kỳ CLI 2026", "--year", "2026", "--framework", $"{framework.FrameworkId}/{framework.Version}",
            "--unit-kind", "province", "--previous", previous.ToString(CultureInfo.InvariantCulture),
            "--self-assessment-deadline", "2026-03-31", "--response-deadline", "2026-04-30", "--operator", "cli:tester");
        Assert.True(created.Code == 0, created.Err);
        var id = int.Parse(created.Out.Trim(), CultureInfo.InvariantCulture);

        var listed = Json(Run("campaign", "list", "--json").Out).EnumerateArray().Single(c => c.GetProperty("id").GetInt32() == id);
        Assert.Equal("Kỳ CLI 2026", listed.GetProperty("name").GetString());
        Assert.Equal(framework.Id, listed.GetProperty("frameworkRecordId").GetInt32());
        Assert.Equal(previous, listed.GetProperty("previousCampaignId").GetInt32());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("publishedAt").ValueKind);

        await UseAsync<int>(async s =>
        {
            var db = s.GetRequiredService<ParIndexDbContext>();
            var campaign = await db.Campaigns.SingleAsync(c => c.Id == id);
            // The end of 31 March in Vietnam (UTC+7).
            Assert.Equal(new DateTime(2026, 3, 31, 16, 59, 59, DateTimeKind.Utc), campaign.SelfAssessmentDeadline);
            Assert.Equal(new DateTime(2026, 4, 30, 16, 59, 59, DateTimeKind.Utc), campaign.ResponseDeadline);
            Assert.False(campaign.SurveyNotRun);
            Assert.True(await db.History.AnyAsync(h => h.UserName == "cli:tester" && h.Field == "Created" && h.NewValue == $"{id}: Kỳ CLI 2026"));
            Assert.True(await db.History.AnyAsync(h => h.UserName == "cli:tester" && h.Field == "PreviousCampaign"));
            return 0;
        });
    }

    [Fact]
    public async Task Create_refuses_bad_input_naming_the_field_and_writes_nothing()
    {
        await SeedDemoAsync();
        var before = Run("campaign", "list", "--json").Out;

        var unknownFramework = Run("campaign", "create", "--name", "X", "--year", "2026", "--framework", "KHONG-CO", "--unit-kind", "province");
        Assert.Equal(1, unknownFramework.Code);
        Assert.Contains("--framework: không có bộ tiêu chí \"KHONG-CO\"", unknownFramework.Err, StringComparison.Ordinal);

        var badDate = Run("campaign", "create", "--name", "X", "--year", "2026", "--framework", "1", "--unit-kind", "province", "--self-assessment-deadline", "31/03/2026");
        Assert.Equal(2, badDate.Code);
        Assert.Contains("--self-assessment-deadline: \"31/03/2026\" không phải ngày dạng yyyy-MM-dd", badDate.Err, StringComparison.Ordinal);

        var noName = Run("campaign", "create", "--name", " ", "--year", "2026", "--framework", "1", "--unit-kind", "province");
        Assert.Equal(1, noName.Code);
        Assert.Contains("Tên kỳ đánh giá là bắt buộc.", noName.Err, StringComparison.Ordinal);

        var badYear = Run("campaign", "create", "--name", "X", "--year", "1999", "--framework", "1", "--unit-kind", "province");
        Assert.Equal(1, badYear.Code);
        Assert.Contains("Năm 1999 không hợp lệ.", badYear.Err, StringComparison.Ordinal);

        var unknownUnit = Run("campaign", "create", "--name", "X", "--year", "2026", "--framework", "1", "--units", "KHONG1,KHONG2");
        Assert.Equal(1, unknownUnit.Code);
        Assert.Contains("--units: không có đơn vị mã KHONG1, KHONG2", unknownUnit.Err, StringComparison.Ordinal);

        // --previous is checked by the same use case as the web's; the campaign created before it is rolled back.
        var unknownPrevious = Run("campaign", "create", "--name", "Không được tạo", "--year", "2026", "--framework", "1", "--unit-kind", "province", "--previous", "987654");
        Assert.Equal(1, unknownPrevious.Code);
        Assert.Contains("Không có kỳ đánh giá số 987654.", unknownPrevious.Err, StringComparison.Ordinal);

        var both = Run("campaign", "create", "--name", "X", "--year", "2026", "--framework", "1");
        Assert.Equal(2, both.Code);
        Assert.Equal(before, Run("campaign", "list", "--json").Out);
    }

    [Fact]
    public async Task No_survey_creates_a_campaign_without_the_sociological_survey_and_says_so_in_the_history()
    {
        await SeedDemoAsync();
        var created = Run("campaign", "create", "--name", "Kỳ không điều tra", "--year", "2026", "--framework", "1", "--unit-kind", "province", "--no-survey");
        Assert.True(created.Code == 0, created.Err);
        var id = int.Parse(created.Out.Trim(), CultureInfo.InvariantCulture);
        await UseAsync<int>(async s =>
        {
            var db = s.GetRequiredService<ParIndexDbContext>();
            Assert.True((await db.Campaigns.SingleAsync(c => c.Id == id)).SurveyNotRun);
            Assert.True(await db.History.AnyAsync(h => h.Field == "Created" && h.NewValue!.Contains("không tổ chức điều tra xã hội học")));
            return 0;
        });
    }

    [Fact]
    public async Task A_duplicate_name_is_accepted_as_on_the_web()
    {
        // The web's campaign creation does not require unique names (a repeated year's campaign may
        // share one); the CLI applies the same use case, so both campaigns exist with their own ids.
        await SeedDemoAsync();
        var first = Run("campaign", "create", "--name", "Trùng tên", "--year", "2026", "--framework", "1", "--unit-kind", "province");
        var second = Run("campaign", "create", "--name", "Trùng tên", "--year", "2026", "--framework", "1", "--unit-kind", "province");
        Assert.Equal((0, 0), (first.Code, second.Code));
        Assert.NotEqual(first.Out, second.Out);
    }

    [Fact]
    public async Task Publish_is_refused_with_the_webs_reason_until_every_unit_is_final_then_publishes()
    {
        await SeedDemoAsync();
        var id = int.Parse(Run("campaign", "create", "--name", "Kỳ công bố", "--year", "2026", "--framework", "1", "--unit-kind", "province").Out.Trim(), CultureInfo.InvariantCulture);
        var refused = Run("campaign", "publish", id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(1, refused.Code);
        Assert.Contains("Lỗi: ", refused.Err, StringComparison.Ordinal);
        var unitName = await UseAsync(async s => (await s.GetRequiredService<ParIndexDbContext>().Assessments.Include(a => a.Unit).FirstAsync(a => a.CampaignId == id)).Unit!.Name);
        Assert.Contains(unitName, refused.Err, StringComparison.Ordinal);

        var unknown = Run("campaign", "publish", "987654");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("Không có kỳ đánh giá số 987654.", unknown.Err, StringComparison.Ordinal);

        await UseAsync(async s =>
        {
            var db = s.GetRequiredService<ParIndexDbContext>();
            Assert.Null((await db.Campaigns.SingleAsync(c => c.Id == id)).PublishedAt);
            await db.Assessments.Where(a => a.CampaignId == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Status, AssessmentStatus.Final));
            return 0;
        });
        var published = Run("campaign", "publish", id.ToString(CultureInfo.InvariantCulture), "--operator", "cli:publisher");
        Assert.True(published.Code == 0, published.Err);

        // The public ranking now shows it, and the exported JSON holds exactly the use case's results.
        var output = Path.Combine(Folder, "published.json");
        Assert.Equal(0, Run("results", "export", id.ToString(CultureInfo.InvariantCulture), "--format", "json", "-o", output).Code);
        var exported = JsonSerializer.Deserialize<ResultsExportDocument>(await File.ReadAllTextAsync(output), ResultsExport.Json)!;
        var publicResults = await UseAsync(s => s.GetRequiredService<ResultsService>().CampaignAsync(id, publicOnly: true, default));
        Assert.True(exported.Published);
        Assert.Null(exported.Notice);
        // The staff export is the stored draft of the current data (ADR 0144): the same figures, and when they were computed.
        Assert.NotNull(exported.Results.Draft);
        Assert.Equal(JsonSerializer.Serialize(publicResults, ResultsExport.Json), JsonSerializer.Serialize(exported.Results with { Draft = null }, ResultsExport.Json));
        Assert.All(publicResults.Units, u => Assert.Equal(nameof(AssessmentStatus.Published), u.Status));
        Assert.NotEmpty(publicResults.Units);
    }

    [Fact]
    public async Task Results_export_in_csv_xlsx_and_json_equals_the_webs_results_for_a_published_sample_campaign()
    {
        await SeedDemoAsync();
        var id = Json(Run("campaign", "list", "--json").Out).EnumerateArray()
            .First(c => c.GetProperty("isSample").GetBoolean() && c.GetProperty("year").GetInt32() == 2023).GetProperty("id").GetInt32();
        var expected = await UseAsync(s => s.GetRequiredService<ResultsService>().CampaignAsync(id, publicOnly: true, default));
        Assert.NotNull(expected.PreviousCampaignId);
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var format in new[] { "csv", "xlsx", "json", "pdf" })
        {
            paths[format] = Path.Combine(Folder, "results." + format);
            var run = Run("results", "export", id.ToString(CultureInfo.InvariantCulture), "--format", format, "-o", paths[format]);
            Assert.True(run.Code == 0, run.Err);
        }

        AssertRankingPdf(paths["pdf"], expected);
        var json = JsonSerializer.Deserialize<ResultsExportDocument>(await File.ReadAllTextAsync(paths["json"]), ResultsExport.Json)!;
        Assert.Equal(JsonSerializer.Serialize(expected, ResultsExport.Json), JsonSerializer.Serialize(json.Results with { Draft = null }, ResultsExport.Json));
        Assert.Contains(json.OverallSipas, s => s.Percent is not null);

        // CSV: BOM, header in Vietnamese, invariant numbers, one row per unit in the ranking's order.
        var bytes = await File.ReadAllBytesAsync(paths["csv"]);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = (await File.ReadAllLinesAsync(paths["csv"])).Select(ParseCsv).ToList();
        var header = lines[0];
        Assert.Equal(expected.Units.Count, lines.Count - 1);
        var rank = header.IndexOf("Hạng");
        var code = header.IndexOf("Mã đơn vị");
        var index = header.IndexOf("Chỉ số chưa làm tròn (%)");
        var change = header.IndexOf("Thay đổi chỉ số (điểm %)");
        var firstField = expected.Units[0].Fields[0];
        var fieldPoints = header.FindIndex(h => h.StartsWith(firstField.Code + " ", StringComparison.Ordinal) && h.EndsWith(": điểm", StringComparison.Ordinal));
        Assert.True(rank >= 0 && code >= 0 && index >= 0 && change >= 0 && fieldPoints >= 0, string.Join(" | ", header));
        for (var i = 0; i < expected.Units.Count; i++)
        {
            var unit = expected.Units[i];
            var row = lines[i + 1];
            Assert.Equal(unit.UnitCode, row[code]);
            Assert.Equal(unit.Rank, int.Parse(row[rank], CultureInfo.InvariantCulture));
            Assert.Equal(unit.Index, decimal.Parse(row[index], CultureInfo.InvariantCulture));
            Assert.Equal(unit.IndexChange, row[change].Length == 0 ? null : decimal.Parse(row[change], CultureInfo.InvariantCulture));
            Assert.Equal(unit.Fields[0].Points, decimal.Parse(row[fieldPoints], CultureInfo.InvariantCulture));
            Assert.Equal("đã công bố", row[^1]);
        }

        // xlsx: the same header under the title, numeric cells holding the same decimals.
        using var workbook = SpreadsheetDocument.Open(paths["xlsx"], false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var rows = sheet.Descendants<Row>().ToList();
        Assert.StartsWith("Kết quả Chỉ số cải cách hành chính — " + expected.CampaignName, CellText(rows[0].Elements<Cell>().First()), StringComparison.Ordinal);
        var headerRow = rows.FindIndex(r => r.Elements<Cell>().Select(CellText).SequenceEqual(header));
        Assert.True(headerRow > 0);
        Assert.NotNull(sheet.Descendants<Pane>().SingleOrDefault(p => p.VerticalSplit! == headerRow + 1));
        for (var i = 0; i < expected.Units.Count; i++)
        {
            var cells = rows[headerRow + 1 + i].Elements<Cell>().ToList();
            Assert.Equal(CellValues.Number, cells[index].DataType!.Value);
            Assert.Equal(expected.Units[i].Index, decimal.Parse(cells[index].CellValue!.Text, CultureInfo.InvariantCulture));
            Assert.Equal(expected.Units[i].UnitCode, CellText(cells[code]));
        }
    }

    [Fact]
    public async Task Results_export_of_an_unpublished_campaign_is_marked_and_refusals_have_their_exit_codes()
    {
        await SeedDemoAsync();
        var id = Json(Run("campaign", "list", "--json").Out).EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == DemoSeeder.CampaignName).GetProperty("id").GetInt32();
        var csv = Path.Combine(Folder, "draft.csv");
        Assert.Equal(0, Run("results", "export", id.ToString(CultureInfo.InvariantCulture), "--format", "csv", "-o", csv).Code);
        Assert.All((await File.ReadAllLinesAsync(csv)).Skip(1), line => Assert.EndsWith(",chưa công bố", line, StringComparison.Ordinal));

        var exists = Run("results", "export", id.ToString(CultureInfo.InvariantCulture), "--format", "csv", "-o", csv);
        Assert.Equal(2, exists.Code);
        Assert.Contains("--force", exists.Err, StringComparison.Ordinal);
        Assert.Equal(0, Run("results", "export", id.ToString(CultureInfo.InvariantCulture), "--format", "xlsx", "-o", csv, "--force").Code);

        var missing = Path.Combine(Folder, "missing.json");
        var unknown = Run("results", "export", "987654", "--format", "json", "-o", missing);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("Không có kỳ đánh giá số 987654.", unknown.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(File.Exists(missing + ".partial"));
        Assert.Equal(2, Run("results", "export", "1", "--format", "docx", "-o", missing).Code);
    }

    [Fact]
    public async Task Results_export_of_the_progress_table_writes_the_dashboards_rows_as_xlsx_and_pdf()
    {
        await SeedDemoAsync();
        var id = Json(Run("campaign", "list", "--json").Out).EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == DemoSeeder.CampaignName).GetProperty("id").GetInt32();
        var expected = await UseAsync(s => s.GetRequiredService<ParIndex.Application.Campaigns.CampaignDashboard>()
            .AllAsync(id, new ParIndex.Application.Campaigns.DashboardQuery(), default));
        Assert.NotEmpty(expected.Rows);
        var xlsx = Path.Combine(Folder, "progress.xlsx");
        var pdf = Path.Combine(Folder, "progress.pdf");
        var written = Run("results", "export", id.ToString(CultureInfo.InvariantCulture), "--table", "progress", "--format", "xlsx", "-o", xlsx);
        Assert.True(written.Code == 0, written.Err);
        Assert.Contains($"bảng tiến độ kỳ đánh giá số {id} ({expected.Rows.Count} đơn vị)", written.Out, StringComparison.Ordinal);
        Assert.Equal(0, Run("results", "export", id.ToString(CultureInfo.InvariantCulture), "--table", "progress", "--format", "pdf", "-o", pdf).Code);

        // xlsx: one row per unit under the header, in the dashboard's order, with its scored leaves as numbers.
        using (var workbook = SpreadsheetDocument.Open(xlsx, false))
        {
            var rows = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().ToList()).ToList();
            var header = rows.FindIndex(r => r.Select(CellText).Contains("Tiêu chí đã chấm"));
            Assert.True(header >= 0);
            var code = rows[header].Select(CellText).ToList().IndexOf("Mã đơn vị");
            var scored = rows[header].Select(CellText).ToList().IndexOf("Tiêu chí đã chấm");
            for (var i = 0; i < expected.Rows.Count; i++)
            {
                Assert.Equal(expected.Rows[i].UnitCode, CellText(rows[header + 1 + i][code]));
                Assert.Equal(expected.Rows[i].LeavesScored, int.Parse(CellText(rows[header + 1 + i][scored]), CultureInfo.InvariantCulture));
            }
        }

        // PDF: landscape pages naming every unit.
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var pages = document.GetPages().ToList();
            Assert.All(pages, p => Assert.True(p.Width > p.Height, $"page {p.Number} is not landscape"));
            var text = string.Join(" ", pages.SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.All(expected.Rows, r => Assert.Contains(r.UnitCode, text, StringComparison.Ordinal));
        }

        // The progress table has no csv/json form: refused before anything is written.
        var csv = Path.Combine(Folder, "progress.csv");
        var refused = Run("results", "export", id.ToString(CultureInfo.InvariantCulture), "--table", "progress", "--format", "csv", "-o", csv);
        Assert.Equal(2, refused.Code);
        Assert.Contains("chỉ xuất được xlsx hoặc pdf", refused.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(csv));
        Assert.Equal(1, Run("results", "export", "987654", "--table", "progress", "--format", "pdf", "-o", Path.Combine(Folder, "none.pdf")).Code);
    }

    /// <summary>The PDF export is the ranking: every unit's index with two decimal commas, the title, landscape A4 pages.</summary>
    private static void AssertRankingPdf(string path, CampaignResults expected)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(path);
        var pages = pdf.GetPages().ToList();
        Assert.All(pages, p => Assert.True(p.Width > p.Height, $"page {p.Number} is not landscape"));
        var words = pages.SelectMany(p => p.GetWords()).Select(w => w.Text).ToList();
        var text = string.Join(" ", words);
        Assert.Contains("Kết quả Chỉ số cải cách hành chính", text, StringComparison.Ordinal);
        Assert.All(expected.Units, u => Assert.Contains(ParIndex.Core.Numbers.ColumnDecimals.Format(u.PublishedIndex, 2), words));
    }

    private static string CellText(Cell cell) => cell.InlineString?.InnerText ?? cell.CellValue?.Text ?? "";

    /// <summary>RFC 4180 fields of one line (quoted fields, doubled quotes).</summary>
    private static List<string> ParseCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}

public sealed class SqliteCampaignCliTests : CampaignCliTests
{
    protected override string Provider => "Sqlite";

    protected override string ConnectionString => $"Data Source={Path.Combine(Folder, "parindex.db")};Pooling=False";
}

/// <summary>The same on PostgreSQL (PARINDEX_TEST_POSTGRES, a throwaway database per test).</summary>
public sealed class PostgresCampaignCliTests : CampaignCliTests
{
    private readonly ThrowawayPostgresDatabase database = new("parindex_cli_");

    protected override string Provider => "Postgres";

    protected override string ConnectionString => database.ConnectionString;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await database.CreateAsync();
    }

    public override async Task DisposeAsync()
    {
        await database.DropAsync();
        await base.DisposeAsync();
    }
}
