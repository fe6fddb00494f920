using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Pages;

/// <summary>The coordinator's and administrator's pages: forms with antiforgery, and their effect.</summary>
public abstract class CoordinatorPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, IDictionary<string, string> fields, string? page = null)
    {
        page ??= await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var values = new List<KeyValuePair<string, string>>
        {
            new("_handler", handler),
            new("__RequestVerificationToken", AppFixture.FormToken(page)),
        };
        values.AddRange(fields);
        using var form = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(path, UriKind.Relative), form);
    }

    [Fact]
    public async Task The_coordinator_creates_a_campaign_and_assigns_a_field_to_a_department()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var units = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/units", UriKind.Relative));
        int UnitId(string code) => units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();
        var frameworks = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api/frameworks", UriKind.Relative));

        var name = "Kỳ tạo từ trang " + app.ProviderName;
        var created = await PostFormAsync(coordinator, "/campaigns", "create-campaign", new Dictionary<string, string>
        {
            ["Form.Name"] = name,
            ["Form.Year"] = "2024",
            ["Form.FrameworkRecordId"] = frameworks.EnumerateArray().First(f => f.GetProperty("frameworkId").GetString() == "par-index-province-2023").GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.Deadline"] = "2099-01-31T17:00",
            ["Form.UnitIds"] = UnitId("LS").ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!;
        var campaignPath = location.IsAbsoluteUri ? location.AbsolutePath : location.ToString();
        Assert.Matches("^/campaigns/[0-9]+$", campaignPath);

        var campaign = await coordinator.GetFromJsonAsync<JsonElement>(new Uri("/api" + campaignPath, UriKind.Relative));
        Assert.Equal(name, campaign.GetProperty("name").GetString());
        // 17:00 Vietnam time is 10:00 UTC.
        Assert.Equal(new DateTime(2099, 1, 31, 10, 0, 0, DateTimeKind.Utc), campaign.GetProperty("selfAssessmentDeadline").GetDateTime().ToUniversalTime());
        var assessmentId = campaign.GetProperty("units")[0].GetProperty("assessmentId").GetInt32();

        // Assignments and the unit's own deadline are on the unit's page, linked from the dashboard.
        var unitPath = $"{campaignPath}/units/{assessmentId}";
        Assert.Contains($"href=\"{unitPath}\"", await coordinator.GetStringAsync(new Uri(campaignPath, UriKind.Relative)), StringComparison.Ordinal);
        var assigned = await PostFormAsync(coordinator, unitPath, $"assign-{assessmentId}", new Dictionary<string, string>
        {
            ["Prefix"] = "2",
            ["ContributingUnitId"] = UnitId("BG-STP").ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var html = new HtmlParser().ParseDocument(await assigned.Content.ReadAsStringAsync());
        Assert.Contains(html.QuerySelectorAll("li"), li => li.TextContent.Contains("2 → Sở Tư pháp tỉnh Bắc Giang", StringComparison.Ordinal));

        // The department now edits field 2 of Lạng Sơn's new assessment, and nothing else.
        using var justice = await app.LoginAsync("editor.stp");
        Assert.Equal(HttpStatusCode.OK, (await justice.SaveLeafAsync(assessmentId, "2.1.1", new { version = 0, score = "2" })).StatusCode);
        await (await justice.SaveLeafAsync(assessmentId, "3.1", new { version = 0, score = "1" })).AssertProblemAsync(HttpStatusCode.Forbidden);

        var unknown = await PostFormAsync(coordinator, unitPath, $"assign-{assessmentId}", new Dictionary<string, string> { ["Prefix"] = "9.9", ["ContributingUnitId"] = "1" });
        Assert.Contains("không có mã", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_creates_a_unit_from_the_page_and_other_roles_are_turned_away()
    {
        using var admin = await app.LoginAsync("admin");
        var response = await PostFormAsync(admin, "/admin/units", "create-unit", new Dictionary<string, string>
        {
            ["Form.Code"] = "BG-SGD-" + app.ProviderName,
            ["Form.Name"] = "Sở Giáo dục và Đào tạo tỉnh Bắc Giang",
            ["Form.Kind"] = "department",
            ["Form.Region"] = "Trung du và miền núi phía Bắc",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Đã tạo đơn vị Sở Giáo dục và Đào tạo tỉnh Bắc Giang.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var editor = await app.LoginAsync("editor.bacgiang");
        var denied = await editor.GetAsync(new Uri("/admin/units", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/forbidden", denied.Headers.Location?.PathAndQuery ?? denied.Headers.Location?.ToString(), StringComparison.Ordinal);
        var campaigns = await editor.GetAsync(new Uri("/campaigns", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, campaigns.StatusCode);
    }
}

public sealed class CoordinatorPageTestsOnSqlite(SqliteAppFixture app) : CoordinatorPageTests<SqliteAppFixture>(app);

public sealed class CoordinatorPageTestsOnPostgres(PostgresAppFixture app) : CoordinatorPageTests<PostgresAppFixture>(app);
