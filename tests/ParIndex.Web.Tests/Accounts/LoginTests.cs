using System.Net;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Accounts;

/// <summary>Login, lockout after 5 failed attempts, and account administration.</summary>
public abstract class LoginTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        using var admin = await app.LoginAsync("admin");
        var units = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/units", UriKind.Relative));
        var unitId = units[0].GetProperty("id").GetInt32();
        var userName = "khoa.thu." + app.ProviderName.ToLowerInvariant();
        var created = await admin.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { userName, fullName = "Thử khoá", role = "UnitEditor", unitId, password = "Dung@12345" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await AppFixture.TryLoginAsync(client, userName, "Sai@12345");
            Assert.NotEqual(HttpStatusCode.Redirect, failed.StatusCode);
        }

        var locked = await AppFixture.TryLoginAsync(client, userName, "Dung@12345");
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.Contains("5 lần", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_shows_a_vietnamese_message()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await AppFixture.TryLoginAsync(client, "appraiser", "khong-dung");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_administrator_manages_units_and_users_and_nobody_else_does()
    {
        using var admin = await app.LoginAsync("admin");
        var unit = await admin.PostAsJsonAsync(new Uri("/api/units", UriKind.Relative), new { code = "BG-SYT-" + app.ProviderName, name = "Sở Y tế tỉnh Bắc Giang", kind = "department", region = "Trung du và miền núi phía Bắc" });
        Assert.Equal(HttpStatusCode.Created, unit.StatusCode);
        var duplicate = await admin.PostAsJsonAsync(new Uri("/api/units", UriKind.Relative), new { code = "BG-SYT-" + app.ProviderName, name = "Trùng", kind = "department" });
        Assert.Contains("đã được dùng", await duplicate.AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        var bad = await admin.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { userName = "x", fullName = "X", role = "UnitEditor", password = "Abc@12345" });
        Assert.Contains("cần chọn đơn vị", await bad.AssertProblemAsync(HttpStatusCode.BadRequest), StringComparison.Ordinal);

        using var coordinator = await app.LoginAsync("coordinator");
        await (await coordinator.PostAsJsonAsync(new Uri("/api/units", UriKind.Relative), new { code = "X", name = "X", kind = "department" })).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await coordinator.GetAsync(new Uri("/api/users", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}

public sealed class LoginTestsOnSqlite(SqliteAppFixture app) : LoginTests<SqliteAppFixture>(app);

public sealed class LoginTestsOnPostgres(PostgresAppFixture app) : LoginTests<PostgresAppFixture>(app);
