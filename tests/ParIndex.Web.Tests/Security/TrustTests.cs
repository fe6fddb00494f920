using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Security;

/// <summary>
/// Issue #10 (Trust), ADR 0108: server-side sessions, login answers, cross-site requests, security
/// headers and error pages. One class (split over several files) so that one app host serves them all.
/// </summary>
public abstract partial class TrustTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private const string GuardTitle = "Yêu cầu từ trang khác bị từ chối";

    /// <summary>A client that keeps no cookies itself, so a test can copy and replay them like an attacker.</summary>
    private HttpClient BareClient(string? baseAddress = null)
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        if (baseAddress is not null)
        {
            options.BaseAddress = new Uri(baseAddress);
        }

        return app.CreateClient(options);
    }

    /// <summary>Signs in by hand and returns the cookies a browser would then send (antiforgery and auth).</summary>
    private async Task<string> SignInCookiesAsync(string userName, string password = AppFixture.Password, HttpClient? client = null)
    {
        using var own = client is null ? BareClient() : null;
        var http = client ?? own!;
        var page = await http.GetAsync(new Uri("/login", UriKind.Relative));
        var cookies = Cookies(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = AppFixture.FormToken(await page.Content.ReadAsStringAsync()),
                ["Input.UserName"] = userName,
                ["Input.Password"] = password,
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value)));
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        foreach (var (name, value) in Cookies(response))
        {
            cookies[name] = value;
        }

        Assert.Contains("parindex-auth", cookies.Keys);
        return string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value));
    }

    private static Dictionary<string, string> Cookies(HttpResponseMessage response) =>
        (response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            .Select(v => v.Split(';')[0])
            .Select(v => v.Split('=', 2))
            .Where(p => p[1].Length > 0)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

    private async Task<HttpResponseMessage> GetWithCookiesAsync(string url, string cookies)
    {
        using var client = BareClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request);
    }

    private async Task<string> CreateUserAsync(HttpClient admin, string userName, string role = "Coordinator", string password = "Dung@12345")
    {
        var created = await admin.PostAsJsonAsync(new Uri("/api/users", UriKind.Relative), new { userName, fullName = "Thử phiên", role, password });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetString()!;
    }

    private string Unique(string name) => name + "." + app.ProviderName.ToLowerInvariant() + "." + Guid.NewGuid().ToString("N")[..6];

    private static async Task AssertGuardRefusedAsync(HttpResponseMessage response, string because)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{because}: expected 403, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal(GuardTitle, problem.GetProperty("title").GetString());
    }

    private static async Task<bool> IsGuardRefusalAsync(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
        && (await response.JsonAsync()).TryGetProperty("title", out var title) && title.GetString() == GuardTitle;

    private static string WithoutTokens(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "TOKEN");
}

public sealed class TrustTestsOnSqlite(SqliteAppFixture app) : TrustTests<SqliteAppFixture>(app);

public sealed class TrustTestsOnPostgres(PostgresAppFixture app) : TrustTests<PostgresAppFixture>(app);
