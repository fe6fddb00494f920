using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using ParIndex.Web.Tests.Infrastructure;
using static ParIndex.Web.Tests.Surveys.SurveyTestData;

namespace ParIndex.Web.Tests.Pages;

/// <summary>The server-rendered pages, read as a browser would get them.</summary>
public abstract class PageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    /// <summary>The app of the class, for tests that only one provider's class runs.</summary>
    protected TApp App => app;

    [Fact]
    public async Task The_demo_editor_sees_the_seed_total_65_249_in_official_order()
    {
        using var editor = await app.LoginAsync("editor.bacgiang");
        var html = await editor.GetStringAsync(new Uri($"/assessments/{await app.AssessmentIdAsync("BG")}", UriKind.Relative));
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("65,249", page.QuerySelector("#total-points")?.TextContent);
        Assert.Equal("95,95%", page.QuerySelector("#total-share")?.TextContent);
        var codes = page.QuerySelectorAll("tr[data-node]").Select(r => r.GetAttribute("data-node")).ToList();
        Assert.Equal(["1", "1.1", "1.2", "1.3", "1.3.1"], codes.Take(5));
        Assert.Equal("8.5", codes[^1]);
        Assert.Equal("1,4981", page.QuerySelector("tr[data-node='3.4.1'] .node-points")?.TextContent);
        Assert.Equal("12,9829", page.QuerySelector("tr[data-field='3'] .field-points")?.TextContent);
        Assert.NotNull(page.QuerySelector("meta[name=xsrf-token]"));
        Assert.NotNull(page.QuerySelector(".leaf[data-code='3.4.1'] input[data-figure=numerator]"));
        Assert.NotNull(page.QuerySelector(".leaf[data-code='1.1'] input[name=score]"));
        Assert.Null(page.QuerySelector(".leaf[data-code='2.4.1'] input"));
        // Inputs are written as they are typed back: a count with thousands dots, as its kind reads them (ADR 0007).
        var numerator = page.QuerySelector(".leaf[data-code='3.4.2'] input[data-figure=numerator]");
        Assert.Equal("14.922", numerator?.GetAttribute("value"));
        Assert.Equal("count", numerator?.GetAttribute("data-kind"));
        Assert.Equal("amount", page.QuerySelector(".leaf[data-code='6.1.3'] input[data-figure=denominator]")?.GetAttribute("data-kind"));
        Assert.Equal("2.029.996.767.557", page.QuerySelector(".leaf[data-code='6.1.3'] input[data-figure=denominator]")?.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".leaf[data-code='3.4.2'] output.field-check[data-for=numerator]"));
        Assert.NotNull(page.QuerySelector("script[src='js/figure-numbers.js']"));
        Assert.Equal("1,5", page.QuerySelector(".leaf[data-code='1.1'] input[name=score]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task A_script_in_an_explanation_comes_back_escaped()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var version = (await editor.GetAssessmentAsync(id)).Leaf("1.4").GetProperty("version").GetInt32();
        var saved = await editor.SaveLeafAsync(id, "1.4", new { version, score = "1", explanation = "<script>alert('xss')</script> & <b>đậm</b>" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var html = await editor.GetStringAsync(new Uri($"/assessments/{id}", UriKind.Relative));
        Assert.DoesNotContain("<script>alert('xss')</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        var page = new HtmlParser().ParseDocument(html);
        Assert.Equal("<script>alert('xss')</script> & <b>đậm</b>", page.QuerySelector(".leaf[data-code='1.4'] textarea")?.TextContent);
        Assert.DoesNotContain(page.QuerySelectorAll("b"), b => b.TextContent == "đậm");
    }

    [Fact]
    public async Task The_lead_submits_from_the_page_and_the_page_is_then_read_only()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var units = await coordinator.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/units", UriKind.Relative));
        var ls = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "LS").GetProperty("id").GetInt32();
        var frameworks = await coordinator.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/frameworks", UriKind.Relative));
        var created = await coordinator.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
        {
            name = "Kỳ thử trang " + app.ProviderName,
            year = 2025,
            frameworkRecordId = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32(),
            unitIds = new[] { ls },
        });
        var id = (await created.JsonAsync()).GetProperty("units")[0].GetProperty("assessmentId").GetInt32();
        var leadName = "lead.langson." + app.ProviderName.ToLowerInvariant();
        using var admin = await app.LoginAsync("admin");
        var made = await admin.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { userName = leadName, fullName = "Lãnh đạo Lạng Sơn", role = "UnitLead", unitId = ls, password = "LangSon@2025" });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);

        using var client = await app.LoginAsync(leadName, "LangSon@2025");
        var pageHtml = await client.GetStringAsync(new Uri($"/assessments/{id}", UriKind.Relative));
        Assert.Contains("id=\"submit-assessment\"", pageHtml, StringComparison.Ordinal);
        // Submitting goes through the checklist page (ADR 0128), then the confirmation is posted.
        var checklist = await client.GetStringAsync(new Uri($"/assessments/{id}?confirm=submit", UriKind.Relative));
        Assert.Contains("id=\"confirm-action\"", checklist, StringComparison.Ordinal);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "confirm-submit",
            ["__RequestVerificationToken"] = AppFixture.FormToken(checklist),
        });
        var posted = await client.PostAsync(new Uri($"/assessments/{id}?confirm=submit", UriKind.Relative), form);
        // Post/redirect/get: the confirmation answers with the page's result address.
        Assert.True(posted.StatusCode == HttpStatusCode.Redirect, $"{(int)posted.StatusCode}: {await posted.Content.ReadAsStringAsync()}");
        Assert.EndsWith($"/assessments/{id}?done=submit", posted.Headers.Location?.OriginalString, StringComparison.Ordinal);
        var after = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri($"/assessments/{id}?done=submit", UriKind.Relative)));
        Assert.Equal("Đã gửi", after.QuerySelector("#status")?.TextContent);
        Assert.NotNull(after.QuerySelector("#locked"));
        Assert.NotNull(after.QuerySelector("#withdraw-assessment"));
        // Read-only values are text: no input is left in a leaf.
        Assert.Empty(after.QuerySelectorAll(".leaf input, .leaf textarea, .leaf select"));
    }

    [Fact]
    public async Task The_interface_switches_to_english()
    {
        using var editor = await app.LoginAsync("editor.bacgiang");
        var switched = await editor.GetAsync(new Uri("/account/language/en?returnUrl=/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var html = await editor.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Self-assessments", html, StringComparison.Ordinal);
        await editor.GetAsync(new Uri("/account/language/vi?returnUrl=/", UriKind.Relative));
        Assert.Contains("Các bản tự đánh giá", await editor.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/%5Cevil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/%09/evil.example/")]
    [InlineData("/assessments%0D%0ALocation:%20https://evil.example/")]
    [InlineData("evil.example")]
    public async Task The_language_switch_sends_a_foreign_return_url_home_without_a_500(string returnUrl)
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/account/language/en?returnUrl=" + returnUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_language_switch_returns_to_a_local_page()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri("/account/language/en?returnUrl=%2Fresults%3Fyear%3D2023", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/results?year=2023", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_health_endpoint_reports_the_database()
    {
        using var client = app.CreateClient();
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health", UriKind.Relative)));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        using var client = app.CreateClient();
        var doc = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Contains("/api/assessments/{id}/leaves/{code}", doc, StringComparison.Ordinal);
        Assert.Contains("/api/assessments/{id}/evidence", doc, StringComparison.Ordinal);
        Assert.Contains("/api/campaigns", doc, StringComparison.Ordinal);
    }

    /// <summary>Letters only Vietnamese writes (IgnoreCase covers the capitals).</summary>
    private static readonly Regex VietnameseLetters = new("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    [Fact]
    public async Task The_self_assessment_page_gives_its_script_the_save_texts_in_its_language()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        string? Text(string html, string key) =>
            new HtmlParser().ParseDocument(html).QuerySelector("[data-assessment]")?.GetAttribute("data-text-" + key);

        var vietnamese = await editor.GetStringAsync(new Uri($"/assessments/{id}", UriKind.Relative));
        Assert.Equal("Đang lưu…", Text(vietnamese, "saving"));
        Assert.Equal("Đã lưu", Text(vietnamese, "saved"));
        Assert.Equal("Mất kết nối: chưa lưu", Text(vietnamese, "offline"));

        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync(new Uri("/account/language/en", UriKind.Relative))).StatusCode);
        var english = await editor.GetStringAsync(new Uri($"/assessments/{id}", UriKind.Relative));
        Assert.Equal("Saving…", Text(english, "saving"));
        Assert.Equal("Saved", Text(english, "saved"));
        Assert.Equal("Not saved", Text(english, "not-saved"));
        Assert.Equal("Not saved: correct the highlighted number", Text(english, "invalid-number"));
        Assert.Equal("Connection lost: not saved", Text(english, "offline"));
        Assert.Equal("No file chosen", Text(english, "no-file"));
        Assert.Equal("Uploading…", Text(english, "uploading"));
        Assert.Equal("Uploaded", Text(english, "uploaded"));
        Assert.Equal("Delete", Text(english, "delete"));
    }

    private static readonly bool[] Languages = [true, false];

    /// <summary>
    /// Sends the same failing request in English (cookie <c>parindex-lang=en</c>, set as the language
    /// link sets it) and in Vietnamese: the English title, detail and field messages have no
    /// Vietnamese letter, the Vietnamese title and detail have.
    /// </summary>
    private static async Task AssertBothLanguagesAsync(HttpClient client, string what, HttpStatusCode status, Func<Task<HttpResponseMessage>> send)
    {
        foreach (var english in Languages)
        {
            var switched = await client.GetAsync(new Uri(english ? "/account/language/en" : "/account/language/vi", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            var response = await send();
            await response.AssertProblemAsync(status);
            var problem = await response.JsonAsync();
            var title = problem.GetProperty("title").GetString() ?? "";
            var detail = problem.GetProperty("detail").GetString() ?? "";
            Assert.False(string.IsNullOrWhiteSpace(detail), $"{what}: no detail");
            if (english)
            {
                Assert.False(VietnameseLetters.IsMatch(title), $"{what}: Vietnamese in the English title \"{title}\"");
                Assert.False(VietnameseLetters.IsMatch(detail), $"{what}: Vietnamese in the English detail \"{detail}\"");
                if (problem.TryGetProperty("errors", out var errors))
                {
                    foreach (var message in errors.EnumerateObject().SelectMany(f => f.Value.EnumerateArray()).Select(m => m.GetString() ?? ""))
                    {
                        Assert.False(VietnameseLetters.IsMatch(message), $"{what}: Vietnamese in the English field message \"{message}\"");
                    }
                }
            }
            else
            {
                Assert.True(VietnameseLetters.IsMatch(title), $"{what}: the Vietnamese title \"{title}\" is not Vietnamese");
                Assert.True(VietnameseLetters.IsMatch(detail), $"{what}: the Vietnamese detail \"{detail}\" is not Vietnamese");
            }
        }
    }

    [Fact]
    public async Task Every_area_answers_a_refusal_in_english_with_the_language_cookie_and_in_vietnamese_without()
    {
        using var admin = await app.LoginAsync("admin");
        await AssertBothLanguagesAsync(admin, "user with an unknown role", HttpStatusCode.BadRequest, () =>
            admin.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { userName = "khong.vai.tro", fullName = "Không vai trò", role = "Nobody", password = "KhongVai@2025" }));

        using var coordinator = await app.LoginAsync("coordinator");
        var frameworks = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/frameworks", UriKind.Relative));
        await AssertBothLanguagesAsync(coordinator, "campaign without units", HttpStatusCode.BadRequest, () =>
            coordinator.PostAsJsonAsync(new Uri("/api/campaigns", UriKind.Relative), new
            {
                name = "Kỳ không đơn vị",
                year = 2024,
                frameworkRecordId = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32(),
                unitIds = Array.Empty<int>(),
            }));
        await AssertBothLanguagesAsync(coordinator, "unknown campaign", HttpStatusCode.NotFound, () =>
            coordinator.GetAsync(new Uri("/api/campaigns/999999", UriKind.Relative)));

        var campaignName = "Kỳ song ngữ " + app.ProviderName;
        var campaignId = await CreateCampaignAsync(coordinator, campaignName);
        var bg = await UnitIdAsync(app, "BG");
        await AssertBothLanguagesAsync(coordinator, "quota over the limit", HttpStatusCode.BadRequest, () =>
            coordinator.PutAsJsonAsync(new Uri($"/api/campaigns/{campaignId}/surveys/quotas", UriKind.Relative), Enumerable.Range(0, 3)
                .Select(i => new { unitId = bg, respondentGroup = "nhom-" + Id(i), population = 100, margin = "0,05" }).ToArray()));
        await AssertBothLanguagesAsync(coordinator, "questionnaire import of a bad file", HttpStatusCode.UnprocessableEntity, () =>
            UploadAsync(coordinator, $"/api/campaigns/{campaignId}/surveys/questionnaires/import", "phieu.json", Encoding.UTF8.GetBytes("{ \"id\": "), "application/json"));

        var questionnaireId = await CreateQuestionnaireAsync(coordinator, campaignId, Questionnaire("phieu-song-ngu", "nguoi-dan"));
        await AssertBothLanguagesAsync(coordinator, "survey upload with a bad cell", HttpStatusCode.UnprocessableEntity, async () =>
        {
            var token = await AppFixture.ApiTokenAsync(coordinator);
            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(Id(questionnaireId)), "questionnaireId");
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes("id,don_vi,Q1,Q2,Q3\nr1,BG,9,4,A\n"));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "file", "loi.csv");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{campaignId}/surveys/batches", UriKind.Relative)) { Content = form };
            request.Headers.Add("X-XSRF-TOKEN", token);
            return await coordinator.SendAsync(request);
        });

        // The workflow: a step in the wrong state (409) and a step of another role (403).
        var assessmentId = await app.AssessmentIdAsync("LS", campaignName);
        using var lead = await app.LoginAsync("lead.langson");
        await AssertBothLanguagesAsync(lead, "withdraw of a draft", HttpStatusCode.Conflict, () =>
            lead.PostAsync(new Uri($"/api/assessments/{assessmentId}/actions/withdraw", UriKind.Relative), null));
        using var editor = await app.LoginAsync("editor.langson");
        await AssertBothLanguagesAsync(editor, "submit by an editor", HttpStatusCode.Forbidden, () =>
            editor.PostAsync(new Uri($"/api/assessments/{assessmentId}/actions/submit", UriKind.Relative), null));
        await AssertBothLanguagesAsync(coordinator, "campaign-wide approve by the coordinator", HttpStatusCode.Forbidden, () =>
            coordinator.PostAsync(new Uri($"/api/campaigns/{campaignId}/actions/approve", UriKind.Relative), null));
    }
}

public sealed partial class PageTestsOnSqlite(SqliteAppFixture app) : PageTests<SqliteAppFixture>(app);

public sealed class PageTestsOnPostgres(PostgresAppFixture app) : PageTests<PostgresAppFixture>(app);
