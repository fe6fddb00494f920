using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Surveys;
using ParIndex.Data.Surveys;
using ParIndex.Web.Tests.Infrastructure;
using static ParIndex.Web.Tests.Surveys.SurveyTestData;

namespace ParIndex.Web.Tests.Surveys;

/// <summary>Quota targets (N, e), the required sample n = N / (1 + N·e²) and the progress from the imported answers.</summary>
public abstract class QuotaTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static string Path(int campaignId) => $"/api/campaigns/{campaignId}/surveys/quotas";

    private static JsonElement Row(JsonElement view, string unitCode, string group) =>
        view.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitCode").GetString() == unitCode && r.GetProperty("respondentGroup").GetString() == group);

    /// <summary>A campaign with a questionnaire for "nguoi-dan" and one for "doanh-nghiep".</summary>
    private async Task<(int CampaignId, int Citizens, int Enterprises)> CampaignAsync(HttpClient coordinator, string name)
    {
        var campaignId = await CreateCampaignAsync(coordinator, name + " " + app.ProviderName);
        var citizens = await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-nguoi-dan", "nguoi-dan"));
        var enterprises = await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-doanh-nghiep", "doanh-nghiep"));
        return (campaignId, citizens, enterprises);
    }

    [Fact]
    public async Task N_5000_and_e_0_05_need_371_respondents_and_progress_counts_distinct_respondents()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, citizens, enterprises) = await CampaignAsync(coordinator, "Kỳ chỉ tiêu");
        var bg = await UnitIdAsync(app, "BG");
        var ls = await UnitIdAsync(app, "LS");
        var saved = await coordinator.PutAsJsonAsync(new Uri(Path(campaignId), UriKind.Relative), new object[]
        {
            new { unitId = bg, respondentGroup = "nguoi-dan", population = 5000, margin = "0,05" },
            new { unitId = ls, respondentGroup = "nguoi-dan", population = 10000, margin = 0.05m },
            new { unitId = bg, respondentGroup = "doanh-nghiep", population = 3, margin = "0.1" },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Three people answered for Bắc Giang (r1 twice: two questions), one of them in a second file;
        // a Lạng Sơn answer and an answer to the enterprises' questionnaire count elsewhere.
        await InsertBatchAsync(app, campaignId, citizens, bg, ("r1", "Q1", "5"), ("r1", "Q2", "4"), ("r2", "Q1", "3"));
        await InsertBatchAsync(app, campaignId, citizens, bg, ("r3", "Q1", "0"));
        await InsertBatchAsync(app, campaignId, citizens, ls, ("r1", "Q1", "5"));
        await InsertBatchAsync(app, campaignId, enterprises, bg, ("d1", "Q3", "A"), ("d2", "Q3", "B"), ("d3", "Q3", "E"), ("d4", "Q3", "A"));

        var view = await coordinator.GetFromJsonAsync<JsonElement>(new Uri(Path(campaignId), UriKind.Relative));
        var bgCitizens = Row(view, "BG", "nguoi-dan");
        Assert.Equal(SampleSize.Required(5000, 0.05m), bgCitizens.GetProperty("required").GetInt32());
        Assert.Equal(371, bgCitizens.GetProperty("required").GetInt32()); // 5000 / 13,5 = 370,37…, rounded up
        Assert.Equal(3, bgCitizens.GetProperty("collected").GetInt32());
        Assert.Equal(368, bgCitizens.GetProperty("remaining").GetInt32());
        Assert.Equal(0.81m, bgCitizens.GetProperty("percent").GetDecimal());
        Assert.False(bgCitizens.GetProperty("met").GetBoolean());
        Assert.Equal(0.05m, bgCitizens.GetProperty("margin").GetDecimal());

        var lsCitizens = Row(view, "LS", "nguoi-dan");
        Assert.Equal(385, lsCitizens.GetProperty("required").GetInt32());
        Assert.Equal(1, lsCitizens.GetProperty("collected").GetInt32());

        // N = 3, e = 0,1 → n = 3 / 1,03 → 3; four respondents meet it.
        var bgEnterprises = Row(view, "BG", "doanh-nghiep");
        Assert.Equal(3, bgEnterprises.GetProperty("required").GetInt32());
        Assert.Equal(4, bgEnterprises.GetProperty("collected").GetInt32());
        Assert.Equal(0, bgEnterprises.GetProperty("remaining").GetInt32());
        Assert.True(bgEnterprises.GetProperty("met").GetBoolean());

        // A unit and group without a target still shows what was collected.
        var lsEnterprises = Row(view, "LS", "doanh-nghiep");
        Assert.Equal(JsonValueKind.Null, lsEnterprises.GetProperty("required").ValueKind);

        // Removing a target: population null.
        var removed = await coordinator.PutAsJsonAsync(new Uri(Path(campaignId), UriKind.Relative), new object[] { new { unitId = bg, respondentGroup = "doanh-nghiep", population = (long?)null, margin = (string?)null } });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => db.SurveyQuotaTargets.CountAsync(t => t.CampaignId == campaignId)));
    }

    [Fact]
    public async Task A_unit_user_sees_the_progress_of_their_own_unit_only_and_cannot_write()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, _, _) = await CampaignAsync(coordinator, "Kỳ phạm vi đơn vị");
        var bg = await UnitIdAsync(app, "BG");
        var ls = await UnitIdAsync(app, "LS");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PutAsJsonAsync(new Uri(Path(campaignId), UriKind.Relative), new object[]
        {
            new { unitId = bg, respondentGroup = "nguoi-dan", population = 5000, margin = "0,05" },
            new { unitId = ls, respondentGroup = "nguoi-dan", population = 8000, margin = "0,05" },
        })).StatusCode);

        using var editor = await app.LoginAsync("editor.bacgiang");
        var own = await editor.GetFromJsonAsync<JsonElement>(new Uri(Path(campaignId), UriKind.Relative));
        Assert.All(own.GetProperty("rows").EnumerateArray(), r => Assert.Equal("BG", r.GetProperty("unitCode").GetString()));
        Assert.Equal(2, own.GetProperty("rows").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri($"{Path(campaignId)}?unitId={bg}", UriKind.Relative))).StatusCode);
        var other = await editor.GetAsync(new Uri($"{Path(campaignId)}?unitId={ls}", UriKind.Relative));
        Assert.Contains("đơn vị mình", await other.AssertProblemAsync(HttpStatusCode.Forbidden), StringComparison.Ordinal);

        using var lead = await app.LoginAsync("lead.langson");
        var langSon = await lead.GetFromJsonAsync<JsonElement>(new Uri(Path(campaignId), UriKind.Relative));
        Assert.All(langSon.GetProperty("rows").EnumerateArray(), r => Assert.Equal("LS", r.GetProperty("unitCode").GetString()));
        Assert.Equal(8000, Row(langSon, "LS", "nguoi-dan").GetProperty("population").GetInt64());

        // A department that is not assessed in the campaign sees nothing.
        using var justice = await app.LoginAsync("editor.stp");
        await (await justice.GetAsync(new Uri(Path(campaignId), UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);

        // Writes are for the administrator and the coordinator.
        await (await editor.PutAsJsonAsync(new Uri(Path(campaignId), UriKind.Relative), new object[] { new { unitId = bg, respondentGroup = "nguoi-dan", population = 1, margin = "0,05" } }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await UploadAsync(editor, $"{Path(campaignId)}/import", "quota.csv", Encoding.UTF8.GetBytes("unit,group,N,e\nBG,nguoi-dan,1,\"0,05\"\n"), "text/csv"))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(5000, await app.WithDbAsync(db => db.SurveyQuotaTargets.Where(t => t.CampaignId == campaignId && t.UnitId == bg).Select(t => t.Population).SingleAsync()));
    }

    [Fact]
    public async Task Bad_targets_are_reported_by_row_and_nothing_is_saved()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, _, _) = await CampaignAsync(coordinator, "Kỳ chỉ tiêu lỗi");
        var bg = await UnitIdAsync(app, "BG");
        var stp = await UnitIdAsync(app, "BG-STP");
        var response = await coordinator.PutAsJsonAsync(new Uri(Path(campaignId), UriKind.Relative), new object[]
        {
            new { unitId = bg, respondentGroup = "nguoi-dan", population = 5000, margin = "0,05" },
            new { unitId = bg, respondentGroup = "doanh-nghiep", population = 5000, margin = "1,5" },
            new { unitId = stp, respondentGroup = "khong-co", population = 100, margin = "0,05" },
        });
        await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var problem = await response.JsonAsync();
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(3, problem.GetProperty("total").GetInt32());
        Assert.Equal(2, problems[0].GetProperty("row").GetInt32());
        Assert.Equal("margin", problems[0].GetProperty("column").GetString());
        Assert.Contains("phải lớn hơn 0 và nhỏ hơn 1", problems[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, problems[1].GetProperty("row").GetInt32());
        Assert.Contains("không thuộc kỳ đánh giá", problems[1].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("chưa có phiếu khảo sát", problems[2].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuotaTargets.CountAsync(t => t.CampaignId == campaignId)));
    }

    [Fact]
    public async Task A_CSV_file_sets_targets_or_reports_row_and_column()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, _, _) = await CampaignAsync(coordinator, "Kỳ chỉ tiêu CSV");
        var bad = "unit;group;N;e\nBG;nguoi-dan;5.000;0,05\nXX;nguoi-dan;100;0,05\nLS;doanh-nghiep;nhiều;0,05\nLS;nguoi-dan;100;\n";
        var rejected = await UploadAsync(coordinator, $"{Path(campaignId)}/import", "chi-tieu.csv", Encoding.UTF8.GetBytes(bad), "text/csv");
        await rejected.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var problems = (await rejected.JsonAsync()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("message").GetString()!)).ToList();
        Assert.Equal(3, problems.Count);
        Assert.Equal((3, "unit"), (problems[0].Item1, problems[0].Item2));
        Assert.Contains("\"XX\"", problems[0].Item3, StringComparison.Ordinal);
        Assert.Equal((4, "N"), (problems[1].Item1, problems[1].Item2));
        Assert.Equal((5, "e"), (problems[2].Item1, problems[2].Item2));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuotaTargets.CountAsync(t => t.CampaignId == campaignId)));

        var good = "unit;group;N;e\nBG;nguoi-dan;5.000;0,05\nLS;doanh-nghiep;1 200;5%\n";
        var accepted = await UploadAsync(coordinator, $"{Path(campaignId)}/import", "chi-tieu.csv", Encoding.UTF8.GetBytes(good), "text/csv");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var view = await accepted.JsonAsync();
        Assert.Equal(371, Row(view, "BG", "nguoi-dan").GetProperty("required").GetInt32());
        Assert.Equal(1200, Row(view, "LS", "doanh-nghiep").GetProperty("population").GetInt64());
        Assert.Equal(SampleSize.Required(1200, 0.05m), Row(view, "LS", "doanh-nghiep").GetProperty("required").GetInt32());
    }

    [Fact]
    public async Task N_and_e_beyond_their_bounds_are_refused_by_the_api_and_the_csv_and_nothing_is_saved()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, _, _) = await CampaignAsync(coordinator, "Kỳ chỉ tiêu giới hạn");
        var bg = await UnitIdAsync(app, "BG");

        // The values of issue #10: saved yesterday, then every read of the quotas failed.
        var huge = await coordinator.PutAsJsonAsync(new Uri(Path(campaignId), UriKind.Relative), new object[]
        {
            new { unitId = bg, respondentGroup = "nguoi-dan", population = long.MaxValue, margin = "0.0000000000000000000000000001" },
        });
        var problems = (await huge.JsonAsync()).GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, huge.StatusCode);
        Assert.Contains(problems, p => p.GetProperty("column").GetString() == "population" && p.GetProperty("message").GetString()!.Contains("100.000.000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.GetProperty("column").GetString() == "margin" && p.GetProperty("message").GetString()!.Contains("0,001", StringComparison.Ordinal));

        var csv = "unit;group;N;e\nBG;nguoi-dan;100000001;0,05\nLS;nguoi-dan;5000;0,0001\n";
        var rejected = await UploadAsync(coordinator, $"{Path(campaignId)}/import", "chi-tieu.csv", Encoding.UTF8.GetBytes(csv), "text/csv");
        await rejected.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var rows = (await rejected.JsonAsync()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
        Assert.Equal([(2, "N"), (3, "e")], rows);
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuotaTargets.CountAsync(t => t.CampaignId == campaignId)));

        // The largest accepted values still give a quota.
        var edge = await coordinator.PutAsJsonAsync(new Uri(Path(campaignId), UriKind.Relative), new object[]
        {
            new { unitId = bg, respondentGroup = "nguoi-dan", population = SampleSize.MaxPopulation, margin = "0,001" },
        });
        Assert.Equal(HttpStatusCode.OK, edge.StatusCode);
        Assert.Equal(SampleSize.Required(SampleSize.MaxPopulation, 0.001m), Row(await edge.JsonAsync(), "BG", "nguoi-dan").GetProperty("required").GetInt32());
    }

    [Fact]
    public async Task Rows_stored_before_the_bounds_do_not_break_reading_the_quotas()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, _, _) = await CampaignAsync(coordinator, "Kỳ chỉ tiêu cũ");
        var bg = await UnitIdAsync(app, "BG");
        var ls = await UnitIdAsync(app, "LS");
        await app.WithDbAsync(async db =>
        {
            db.SurveyQuotaTargets.Add(new SurveyQuotaTarget { CampaignId = campaignId, UnitId = bg, RespondentGroup = "nguoi-dan", Population = long.MaxValue, Margin = 0.0000000000000000000000000001m });
            db.SurveyQuotaTargets.Add(new SurveyQuotaTarget { CampaignId = campaignId, UnitId = ls, RespondentGroup = "nguoi-dan", Population = 5000, Margin = 0m });
            return await db.SaveChangesAsync();
        });

        var response = await coordinator.GetAsync(new Uri(Path(campaignId), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.JsonAsync();
        // SQLite keeps e = 1e-28 (n = N, capped); PostgreSQL's numeric(28,10) rounds it to 0 (no quota).
        var storedMargin = await app.WithDbAsync(db => db.SurveyQuotaTargets.Where(t => t.CampaignId == campaignId && t.UnitId == bg).Select(t => t.Margin).SingleAsync());
        var required = Row(view, "BG", "nguoi-dan").GetProperty("required");
        if (storedMargin == 0)
        {
            Assert.Equal(JsonValueKind.Null, required.ValueKind);
        }
        else
        {
            Assert.Equal(int.MaxValue, required.GetInt32());
        }

        Assert.Equal(JsonValueKind.Null, Row(view, "LS", "nguoi-dan").GetProperty("required").ValueKind);
        Assert.Equal(5000, Row(view, "LS", "nguoi-dan").GetProperty("population").GetInt64());
    }

    [Fact]
    public async Task A_CSV_file_with_a_quote_left_open_is_refused_with_its_row_and_column()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, _, _) = await CampaignAsync(coordinator, "Kỳ chỉ tiêu nháy mở");
        var open = "unit,group,N,e\nBG,nguoi-dan,5000,0.05\nLS,\"nguoi-dan,8000,0.05\n";
        var rejected = await UploadAsync(coordinator, $"{Path(campaignId)}/import", "chi-tieu.csv", Encoding.UTF8.GetBytes(open), "text/csv");
        var detail = await rejected.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("dấu nháy kép", detail, StringComparison.Ordinal);
        var problem = Assert.Single((await rejected.JsonAsync()).GetProperty("problems").EnumerateArray());
        Assert.Equal(3, problem.GetProperty("row").GetInt32());
        Assert.Equal("group", problem.GetProperty("column").GetString());
        Assert.Equal("Dòng 3, cột group", problem.GetProperty("location").GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyQuotaTargets.CountAsync(t => t.CampaignId == campaignId)));

        // In the header row too.
        var header = await UploadAsync(coordinator, $"{Path(campaignId)}/import", "chi-tieu.csv", Encoding.UTF8.GetBytes("\"unit,group,N,e\n"), "text/csv");
        await header.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, Assert.Single((await header.JsonAsync()).GetProperty("problems").EnumerateArray()).GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task A_published_campaign_refuses_quota_writes_with_409()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var published = await app.WithDbAsync(db => db.Campaigns.Where(c => c.PublishedAt != null).Select(c => c.Id).FirstAsync());
        var response = await coordinator.PutAsJsonAsync(new Uri(Path(published), UriKind.Relative), Array.Empty<object>());
        Assert.Contains("đã được công bố", await response.AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
    }
}

public sealed class QuotaTestsOnSqlite(SqliteAppFixture app) : QuotaTests<SqliteAppFixture>(app);

public sealed class QuotaTestsOnPostgres(PostgresAppFixture app) : QuotaTests<PostgresAppFixture>(app);
