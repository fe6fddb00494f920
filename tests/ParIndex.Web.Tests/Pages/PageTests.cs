using System.Net;
using AngleSharp.Html.Parser;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Pages;

/// <summary>The server-rendered pages, read as a browser would get them.</summary>
public abstract class PageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
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
            frameworkRecordId = frameworks[0].GetProperty("id").GetInt32(),
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
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "submit",
            ["__RequestVerificationToken"] = AppFixture.FormToken(pageHtml),
        });
        var posted = await client.PostAsync(new Uri($"/assessments/{id}", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var after = new HtmlParser().ParseDocument(await posted.Content.ReadAsStringAsync());
        Assert.Equal("Đã gửi", after.QuerySelector("#status")?.TextContent);
        Assert.NotNull(after.QuerySelector("#locked"));
        Assert.NotNull(after.QuerySelector("#withdraw-assessment"));
        Assert.All(after.QuerySelectorAll(".leaf input, .leaf textarea"), e => Assert.True(e.HasAttribute("disabled")));
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
}

public sealed class PageTestsOnSqlite(SqliteAppFixture app) : PageTests<SqliteAppFixture>(app);

public sealed class PageTestsOnPostgres(PostgresAppFixture app) : PageTests<PostgresAppFixture>(app);
