using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ParIndex.Web.Tests.Infrastructure;
using static ParIndex.Web.Tests.Surveys.SurveyTestData;

namespace ParIndex.Web.Tests.Surveys;

/// <summary>Response files uploaded into a campaign: problems by row and column, re-import refused, batches, unit points and SIPAS.</summary>
public abstract class SurveyImportWebTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private const string GoodWide = "id,don_vi,Q1,Q2,Q3\nr1,BG,5,4,A\nr2,BG,4,3,B\nr3,LS,2,1,E\n";

    private static async Task<HttpResponseMessage> UploadResponsesAsync(HttpClient client, int campaignId, string fileName, byte[] content, IDictionary<string, string> fields)
    {
        var token = await AppFixture.ApiTokenAsync(client);
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{campaignId}/surveys/batches", UriKind.Relative)) { Content = form };
        request.Headers.Add("X-XSRF-TOKEN", token);
        return await client.SendAsync(request);
    }

    private async Task<(int CampaignId, int QuestionnaireId)> CampaignAsync(HttpClient coordinator, string name)
    {
        var campaignId = await CreateCampaignAsync(coordinator, name + " " + app.ProviderName);
        return (campaignId, await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-nguoi-dan", "nguoi-dan")));
    }

    [Fact]
    public async Task A_file_with_problems_imports_nothing_and_names_each_row_and_column()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, questionnaireId) = await CampaignAsync(coordinator, "Kỳ nhập lỗi");
        var bad = "id,don_vi,Q1,Q2,Q3\nr1,BG,5,4,A\nr2,XX,4,3,B\nr3,LS,7,1,F\n";
        var response = await UploadResponsesAsync(coordinator, campaignId, "loi.csv", Encoding.UTF8.GetBytes(bad), new Dictionary<string, string> { ["questionnaireId"] = Id(questionnaireId) });
        var detail = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("không có câu trả lời nào được nhập", detail, StringComparison.Ordinal);
        var problem = await response.JsonAsync();
        var problems = problem.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(problems.Count, problem.GetProperty("total").GetInt32());
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 3 && p.GetProperty("column").GetString() == "don_vi");
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 4 && p.GetProperty("column").GetString() == "Q1");
        Assert.Contains(problems, p => p.GetProperty("row").GetInt32() == 4 && p.GetProperty("column").GetString() == "Q3");
        Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyBatches.CountAsync(b => b.CampaignId == campaignId)));
        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => db.SurveyBatches.Any(b => b.Id == a.BatchId && b.CampaignId == campaignId))));

        // Not a response file at all, and too large a file, are refused before reading.
        await (await UploadResponsesAsync(coordinator, campaignId, "anh.png", TestFiles.Png(), new Dictionary<string, string> { ["questionnaireId"] = Id(questionnaireId) }))
            .AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        var huge = Encoding.UTF8.GetBytes("id,don_vi,Q1\n" + string.Concat(Enumerable.Range(0, 8000).Select(i => $"r{i},BG,5\n")));
        Assert.True(huge.Length > AppFixture.MaxEvidenceBytes);
        await (await UploadResponsesAsync(coordinator, campaignId, "lon.csv", huge, new Dictionary<string, string> { ["questionnaireId"] = Id(questionnaireId) }))
            .AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_zip_bomb_and_a_file_with_only_a_header_are_refused_with_422_and_nothing_is_stored()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, questionnaireId) = await CampaignAsync(coordinator, "Kỳ nhập tệp độc");
        var fields = new Dictionary<string, string> { ["questionnaireId"] = Id(questionnaireId) };

        // 48 MB of sheet in under 64 KB (the test's upload limit): a thousand times compressed.
        var bomb = ParIndex.Tests.Shared.ZipBombs.XlsxWithHugeSheet(48L * 1024 * 1024);
        Assert.True(bomb.Length < AppFixture.MaxEvidenceBytes, $"{bomb.Length} bytes");
        var refused = await UploadResponsesAsync(coordinator, campaignId, "bom.xlsx", bomb, fields);
        var detail = await refused.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("bom nén", detail, StringComparison.Ordinal);
        Assert.Contains("Không có câu trả lời nào được nhập", detail, StringComparison.Ordinal);

        var headerOnly = await UploadResponsesAsync(coordinator, campaignId, "tieu-de.csv", Encoding.UTF8.GetBytes("id,don_vi,Q1,Q2,Q3\n"), fields);
        await headerOnly.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        var problem = Assert.Single((await headerOnly.JsonAsync()).GetProperty("problems").EnumerateArray());
        Assert.Contains("chỉ có dòng tiêu đề", problem.GetProperty("message").GetString(), StringComparison.Ordinal);

        var longHeaderOnly = await UploadResponsesAsync(coordinator, campaignId, "tieu-de-dai.csv", Encoding.UTF8.GetBytes("respondent,unit,question,answer\n\n"),
            new Dictionary<string, string> { ["questionnaireId"] = Id(questionnaireId), ["shape"] = "long" });
        await longHeaderOnly.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyBatches.CountAsync(b => b.CampaignId == campaignId)));
    }

    [Fact]
    public async Task An_imported_file_scores_the_units_is_refused_a_second_time_and_its_batch_can_be_deleted()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, questionnaireId) = await CampaignAsync(coordinator, "Kỳ nhập đúng");
        var bg = await UnitIdAsync(app, "BG");
        var ls = await UnitIdAsync(app, "LS");
        var fields = new Dictionary<string, string> { ["questionnaireId"] = Id(questionnaireId), ["shape"] = "wide", ["respondentColumn"] = "id", ["unitColumn"] = "don_vi" };
        var response = await UploadResponsesAsync(coordinator, campaignId, "ket-qua.csv", Encoding.UTF8.GetBytes(GoodWide), fields);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var outcome = await response.JsonAsync();
        var batchId = outcome.GetProperty("batch").GetProperty("id").GetInt32();
        Assert.Equal(3, outcome.GetProperty("batch").GetProperty("respondents").GetInt32());
        Assert.Equal(9, outcome.GetProperty("batch").GetProperty("answers").GetInt64());
        Assert.Equal("coordinator", outcome.GetProperty("batch").GetProperty("importedBy").GetString());

        // Bắc Giang: 8.1.1 answered 5 and 4 → mean share (1 + 0,75) / 2 = 0,875 → 1,5 × 0,875 = 1,3125; 2.4.1 A and B → 0,8.
        var scores = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{campaignId}/surveys/units/{bg}/scores", UriKind.Relative));
        JsonElement Leaf(JsonElement s, string code) => s.GetProperty("leaves").EnumerateArray().Single(l => l.GetProperty("code").GetString() == code);
        Assert.Equal(2, Leaf(scores, "8.1.1").GetProperty("validAnswers").GetInt64());
        Assert.Equal(0.875m, Leaf(scores, "8.1.1").GetProperty("meanShare").GetDecimal());
        Assert.Equal(1.3125m, Leaf(scores, "8.1.1").GetProperty("points").GetDecimal());
        Assert.Equal(0.8m, Leaf(scores, "2.4.1").GetProperty("points").GetDecimal());
        Assert.Equal(JsonValueKind.Null, Leaf(scores, "2.4.2").GetProperty("points").ValueKind);
        Assert.Equal(1.3125m + 0.8m + 0.9375m, scores.GetProperty("totalPoints").GetDecimal()); // 8.1.2: 4 and 3 → 1,5 × 0,625
        var sipas = scores.GetProperty("sipas").EnumerateArray().Single(s => s.GetProperty("component").GetString() == "8.1.1");
        Assert.Equal(100m, sipas.GetProperty("percent").GetDecimal());
        // Lạng Sơn's "E" (không biết) is left out of n.
        var lsScores = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{campaignId}/surveys/units/{ls}/scores", UriKind.Relative));
        Assert.Equal(0, Leaf(lsScores, "2.4.1").GetProperty("validAnswers").GetInt64());
        Assert.Equal(1, Leaf(lsScores, "2.4.1").GetProperty("invalidAnswers").GetInt64());

        // The import re-scored the campaign: the self-assessment shows the survey score.
        var stored = await app.WithDbAsync(db => db.LeafEntries.Where(e => e.LeafCode == "8.1.1" && e.Assessment!.CampaignId == campaignId && e.Assessment.UnitId == bg).Select(e => e.SurveyScore).SingleAsync());
        Assert.Equal(1.3125m, stored);

        // Quota progress counts the respondents per unit.
        var quotas = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{campaignId}/surveys/quotas", UriKind.Relative));
        Assert.Equal(2, quotas.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("unitCode").GetString() == "BG").GetProperty("collected").GetInt32());

        // The same file again is refused; nothing changes.
        var again = await UploadResponsesAsync(coordinator, campaignId, "ket-qua-lan-2.csv", Encoding.UTF8.GetBytes(GoodWide), fields);
        Assert.Contains("đã được nhập vào kỳ đánh giá", await again.AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.SurveyBatches.CountAsync(b => b.CampaignId == campaignId)));

        // A long file for one unit (fixed), with a weight column.
        var longFile = "respondent,question,answer,w\nL1,Q1,5,2\nL1,Q3,C,2\nL2,Q1,1,1\n";
        var longFields = new Dictionary<string, string> { ["questionnaireId"] = Id(questionnaireId), ["shape"] = "long", ["fixedUnit"] = "LS", ["weightColumn"] = "w", ["respondentColumn"] = "respondent" };
        Assert.Equal(HttpStatusCode.Created, (await UploadResponsesAsync(coordinator, campaignId, "dai.csv", Encoding.UTF8.GetBytes(longFile), longFields)).StatusCode);
        var lsAfter = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{campaignId}/surveys/units/{ls}/scores", UriKind.Relative));
        // 8.1.1 for Lạng Sơn: r3 answered 2 (0,25), L1 5 (1, weight 2), L2 1 (0) → (0,25 + 2 + 0) / 4.
        Assert.Equal(2.25m / 4m, Leaf(lsAfter, "8.1.1").GetProperty("meanShare").GetDecimal());

        var batches = await coordinator.GetFromJsonAsync<JsonElement>(new Uri($"/api/campaigns/{campaignId}/surveys/batches", UriKind.Relative));
        Assert.Equal(2, batches.GetArrayLength());
        Assert.Contains(batches.EnumerateArray(), b => b.GetProperty("sourceName").GetString() == "ket-qua.csv" && b.GetProperty("respondents").GetInt32() == 3);

        // Deleting the batches empties the survey and frees the questionnaire.
        foreach (var b in batches.EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync(new Uri($"/api/campaigns/{campaignId}/surveys/batches/{b.GetProperty("id").GetInt32()}", UriKind.Relative))).StatusCode);
        }

        Assert.Equal(0, await app.WithDbAsync(db => db.SurveyAnswers.CountAsync(a => a.BatchId == batchId)));
        Assert.Null(await app.WithDbAsync(db => db.LeafEntries.Where(e => e.LeafCode == "8.1.1" && e.Assessment!.CampaignId == campaignId && e.Assessment.UnitId == bg).Select(e => e.SurveyScore).SingleAsync()));
        Assert.Equal(HttpStatusCode.NoContent, (await coordinator.DeleteAsync(new Uri($"/api/campaigns/{campaignId}/surveys/questionnaires/{questionnaireId}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Unit_users_cannot_import_and_see_the_survey_points_of_their_own_unit_only()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, questionnaireId) = await CampaignAsync(coordinator, "Kỳ nhập phạm vi");
        var bg = await UnitIdAsync(app, "BG");
        var ls = await UnitIdAsync(app, "LS");
        using var editor = await app.LoginAsync("editor.bacgiang");
        await (await UploadResponsesAsync(editor, campaignId, "ket-qua.csv", Encoding.UTF8.GetBytes(GoodWide), new Dictionary<string, string> { ["questionnaireId"] = Id(questionnaireId) }))
            .AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await editor.GetAsync(new Uri($"/api/campaigns/{campaignId}/surveys/batches", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri($"/api/campaigns/{campaignId}/surveys/units/{bg}/scores", UriKind.Relative))).StatusCode);
        await (await editor.GetAsync(new Uri($"/api/campaigns/{campaignId}/surveys/units/{ls}/scores", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);

        var other = await editor.GetAsync(new Uri($"/surveys/{campaignId}/scores?unit={ls}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        var page = new HtmlParser().ParseDocument(await other.Content.ReadAsStringAsync());
        Assert.Null(page.QuerySelector("#survey-leaves"));
        Assert.Contains("đơn vị mình", page.QuerySelector("#message")?.TextContent, StringComparison.Ordinal);
        var denied = await editor.GetAsync(new Uri($"/surveys/{campaignId}/import", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }

    [Fact]
    public async Task The_upload_page_shows_the_problem_table_then_the_batch_and_the_unit_points()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var (campaignId, questionnaireId) = await CampaignAsync(coordinator, "Kỳ trang nhập");
        var path = $"/surveys/{campaignId}/import";

        async Task<HttpResponseMessage> PostAsync(string fileName, string csv, string? fixedUnit)
        {
            var html = await coordinator.GetStringAsync(new Uri(path, UriKind.Relative));
            using var form = new MultipartFormDataContent
            {
                { new StringContent("import"), "_handler" },
                { new StringContent(AppFixture.FormToken(html)), "__RequestVerificationToken" },
                { new StringContent(Id(questionnaireId)), "Options.QuestionnaireId" },
                { new StringContent("wide"), "Options.Shape" },
                { new StringContent("id"), "Options.RespondentColumn" },
                { new StringContent(fixedUnit ?? ""), "Options.FixedUnit" },
            };
            form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "File", fileName);
            return await coordinator.PostAsync(new Uri(path, UriKind.Relative), form);
        }

        var rejected = await PostAsync("sai.csv", "id,Q1,Q2\nr1,5,9\n", "BG");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, rejected.StatusCode);
        var page = new HtmlParser().ParseDocument(await rejected.Content.ReadAsStringAsync());
        Assert.Contains("không có câu trả lời nào được nhập", page.QuerySelector("#problems")?.TextContent, StringComparison.Ordinal);
        var cells = page.QuerySelector("#problems tr.problem-row")!.QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal("2", cells[0]);
        Assert.Equal("Q2", cells[1]);
        Assert.StartsWith("Dòng 2, cột C (Q2)", cells[2], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#no-batches"));

        var accepted = await PostAsync("dung.csv", "id,Q1,Q2,Q3\nr1,5,4,A\nr2,3,3,D\n", "BG");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var done = new HtmlParser().ParseDocument(await accepted.Content.ReadAsStringAsync());
        Assert.Contains("2 người trả lời", done.QuerySelector("#message")?.TextContent, StringComparison.Ordinal);
        var batch = done.QuerySelector("#batches tr[data-batch]")!;
        Assert.Equal("dung.csv", batch.QuerySelector(".source")?.TextContent);
        Assert.Equal("6", batch.QuerySelector(".answers")?.TextContent);

        var again = await PostAsync("dung.csv", "id,Q1,Q2,Q3\nr1,5,4,A\nr2,3,3,D\n", "BG");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("không nhập lại", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The points page of Bắc Giang: 8.1.1 answered 5 and 3 → (1 + 0,5) / 2 = 75% → 1,125 of 1,5.
        using var lead = await app.LoginAsync("lead.bacgiang");
        var scores = new HtmlParser().ParseDocument(await lead.GetStringAsync(new Uri($"/surveys/{campaignId}/scores", UriKind.Relative)));
        var leaf = scores.QuerySelector("#survey-leaves tr[data-leaf='8.1.1']")!;
        Assert.Equal("2", leaf.QuerySelector(".n")?.TextContent);
        Assert.Equal("75,00%", leaf.QuerySelector(".share")?.TextContent);
        // Written with the column's number of decimals (the other leaves' points need four).
        Assert.Equal("1,1250", leaf.QuerySelector(".points")?.TextContent);
        Assert.Equal("50,00%", scores.QuerySelector("#sipas tr[data-component='8.1.1'] .percent")?.TextContent);
    }
}

public sealed class SurveyImportWebTestsOnSqlite(SqliteAppFixture app) : SurveyImportWebTests<SqliteAppFixture>(app);

public sealed class SurveyImportWebTestsOnPostgres(PostgresAppFixture app) : SurveyImportWebTests<PostgresAppFixture>(app);
