using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Accounts;

/// <summary>
/// The administrator edits an account (name, role, unit), resets its password to a one-time
/// password, and locks and unlocks it, from the API and the page; no other role may. Identity
/// behaves alike on both databases, so SQLite only.
/// </summary>
public sealed class UserAdministrationTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    private const string StartPassword = "Khoi@tao2024";

    private async Task<(HttpClient Admin, string Id, string UserName)> NewUserAsync(string suffix)
    {
        var admin = await app.LoginAsync("admin");
        var units = await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/units", UriKind.Relative));
        var unit = units.EnumerateArray().Single(u => u.GetProperty("code").GetString() == "LS").GetProperty("id").GetInt32();
        var userName = "canbo." + suffix;
        var created = await admin.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative),
            new { userName, fullName = "Cán bộ thử", role = "UnitEditor", unitId = unit, password = StartPassword });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (admin, (await created.JsonAsync()).GetProperty("id").GetString()!, userName);
    }

    [Fact]
    public async Task A_reset_gives_a_one_time_password_that_signs_in_and_the_old_one_no_longer_does()
    {
        var (admin, id, userName) = await NewUserAsync("reset");
        using var _ = admin;
        using var session = await app.LoginAsync(userName, StartPassword);
        var reset = await admin.PostAsync(new Uri($"/api/users/{id}/password-reset", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var oneTime = (await reset.JsonAsync()).GetProperty("oneTimePassword").GetString()!;
        Assert.Equal(16, oneTime.Length);
        Assert.Matches("[A-Z]", oneTime);
        Assert.Matches("[a-z]", oneTime);
        Assert.Matches("[0-9]", oneTime);

        // The reset ended the user's session; the old password is refused, the new one works.
        Assert.NotEqual(HttpStatusCode.OK, (await session.GetAsync(new Uri("/api/notifications", UriKind.Relative))).StatusCode);
        using var fresh = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Unauthorized, (await AppFixture.TryLoginAsync(fresh, userName, StartPassword)).StatusCode);
        using var signedIn = await app.LoginAsync(userName, oneTime);
    }

    [Fact]
    public async Task A_lock_keeps_the_user_out_until_unlocked_and_the_administrator_cannot_lock_themselves()
    {
        var (admin, id, userName) = await NewUserAsync("lock");
        using var _ = admin;
        var locked = await admin.PutAsJsonAsync(new Uri($"/api/users/{id}/lock", UriKind.Relative), new { locked = true });
        Assert.True((await locked.JsonAsync()).GetProperty("lockedOut").GetBoolean());
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.NotEqual(HttpStatusCode.Redirect, (await AppFixture.TryLoginAsync(client, userName, StartPassword)).StatusCode);

        var page = new HtmlParser().ParseDocument(await admin.GetStringAsync(new Uri($"/admin/users/{id}", UriKind.Relative)));
        Assert.Equal("Bị quản trị viên khoá", page.QuerySelector("#lock-state")!.TextContent.Trim());
        Assert.Equal("Mở khoá tài khoản", page.QuerySelector("#lock-toggle")!.TextContent.Trim());

        var unlocked = await admin.PutAsJsonAsync(new Uri($"/api/users/{id}/lock", UriKind.Relative), new { locked = false });
        Assert.False((await unlocked.JsonAsync()).GetProperty("lockedOut").GetBoolean());
        using var back = await app.LoginAsync(userName, StartPassword);

        var self = (await admin.GetFromJsonAsync<JsonElement>(new Uri("/api/users", UriKind.Relative))).EnumerateArray()
            .Single(u => u.GetProperty("userName").GetString() == "admin").GetProperty("id").GetString();
        await (await admin.PutAsJsonAsync(new Uri($"/api/users/{self}/lock", UriKind.Relative), new { locked = true })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_edit_page_changes_name_role_and_unit_and_shows_the_one_time_password()
    {
        var (admin, id, _) = await NewUserAsync("edit");
        using var __ = admin;
        var path = $"/admin/users/{id}";
        var html = await admin.GetStringAsync(new Uri(path, UriKind.Relative));
        var document = new HtmlParser().ParseDocument(html);
        Assert.Equal("Cán bộ thử", document.QuerySelector("input[name='Form.FullName']")!.GetAttribute("value"));
        var bg = document.QuerySelectorAll("select[name='Form.UnitId'] option").Single(o => o.TextContent == "Tỉnh Bắc Giang").GetAttribute("value")!;
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "edit-user",
            ["__RequestVerificationToken"] = AppFixture.FormToken(html),
            ["Form.UserName"] = "canbo.edit",
            ["Form.FullName"] = "Nguyễn Văn Đổi",
            ["Form.Role"] = "UnitLead",
            ["Form.UnitId"] = bg,
        }))
        {
            var saved = await admin.PostAsync(new Uri(path, UriKind.Relative), form);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Contains("Đã lưu tài khoản canbo.edit.", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var user = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/users/{id}", UriKind.Relative));
        Assert.Equal(("Nguyễn Văn Đổi", "UnitLead", "Tỉnh Bắc Giang"), (user.GetProperty("fullName").GetString(), user.GetProperty("role").GetString(), user.GetProperty("unitName").GetString()));

        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "reset", ["__RequestVerificationToken"] = AppFixture.FormToken(html) }))
        {
            var reset = await admin.PostAsync(new Uri(path, UriKind.Relative), form);
            var shown = new HtmlParser().ParseDocument(await reset.Content.ReadAsStringAsync()).QuerySelector("#one-time-password code")!.TextContent;
            Assert.Equal(16, shown.Length);
            Assert.Contains("no-store", reset.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
            using var signedIn = await app.LoginAsync("canbo.edit", shown);
        }
    }

    [Fact]
    public async Task Nobody_but_the_administrator_edits_resets_or_locks()
    {
        var (admin, id, _) = await NewUserAsync("guarded");
        using var __ = admin;
        foreach (var who in new[] { "editor.bacgiang", "lead.langson", "coordinator" })
        {
            using var client = await app.LoginAsync(who);
            await (await client.GetAsync(new Uri($"/api/users/{id}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PostAsync(new Uri($"/api/users/{id}/password-reset", UriKind.Relative), null)).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync(new Uri($"/api/users/{id}/lock", UriKind.Relative), new { locked = true })).AssertProblemAsync(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { userName = "x", fullName = "x", role = "Administrator" })).AssertProblemAsync(HttpStatusCode.Forbidden);
            var page = await client.GetAsync(new Uri($"/admin/users/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/forbidden", page.Headers.Location!.IsAbsoluteUri ? page.Headers.Location.PathAndQuery : page.Headers.Location.ToString(), StringComparison.Ordinal);
        }

        var user = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/users/{id}", UriKind.Relative));
        Assert.False(user.GetProperty("lockedOut").GetBoolean());
    }
}
