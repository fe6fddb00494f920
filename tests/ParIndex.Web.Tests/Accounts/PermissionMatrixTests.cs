using System.Net;
using System.Text.Json;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Accounts;

/// <summary>
/// Each role against the main endpoints. Leaf saves are sent with a stale version: a permitted user
/// gets 409 (nothing changes), a user without permission 403 — so the matrix mutates nothing.
/// </summary>
public abstract class PermissionMatrixTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private const int Ok = 200;

    [Theory]
    [MemberData(nameof(PermissionMatrix.Cases), MemberType = typeof(PermissionMatrix))]
    public async Task Role_and_unit_scope_decide_access(string user, string request, int expected)
    {
        using var client = await app.LoginAsync(user);
        var bg = await app.AssessmentIdAsync("BG");
        var ls = await app.AssessmentIdAsync("LS");
        var parts = request.Split(' ');
        int Id(string unit) => unit == "bg" ? bg : ls;
        var response = parts[0] switch
        {
            "GET" when parts[1] is "users" or "units" or "campaigns" => await client.GetAsync(new Uri("/api/" + parts[1], UriKind.Relative)),
            "GET" when parts.Length == 3 => await client.GetAsync(new Uri($"/api/assessments/{Id(parts[1])}/history", UriKind.Relative)),
            "GET" => await client.GetAsync(new Uri($"/api/assessments/{Id(parts[1])}", UriKind.Relative)),
            "PUT" => await client.SaveLeafAsync(Id(parts[1]), parts[2], new { version = 987654, score = "0" }),
            "SUBMIT" => await client.PostAsync(new Uri($"/api/assessments/{Id(parts[1])}/submit", UriKind.Relative), null),
            _ => throw new ArgumentException(request),
        };
        Assert.Equal(expected, (int)response.StatusCode);
        if (expected != Ok)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Anonymous_requests_get_401_problem_details_and_pages_redirect_to_login()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await (await client.GetAsync(new Uri($"/api/assessments/{await app.AssessmentIdAsync("BG")}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var page = await client.GetAsync(new Uri("/assessments/1", UriKind.Relative));
        Assert.True(page.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, page.StatusCode.ToString());
        Assert.StartsWith("/login", page.Headers.Location?.PathAndQuery ?? page.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_of_another_unit_cannot_read_its_evidence_or_history()
    {
        var bg = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        using var content = new MultipartFormDataContent();
        using var file = new ByteArrayContent(TestFiles.Pdf());
        content.Add(file, "file", "ke-hoach.pdf");
        content.Add(new StringContent("1.1"), "leafCodes");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{bg}/evidence", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(editor));
        var uploaded = await editor.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var evidenceId = (await uploaded.JsonAsync()).GetProperty("id").GetString();

        using var other = await app.LoginAsync("editor.langson");
        await (await other.GetAsync(new Uri($"/api/assessments/{bg}/evidence/{evidenceId}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.DeleteAsync(new Uri($"/api/assessments/{bg}/evidence/{evidenceId}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync(new Uri($"/api/assessments/{bg}/leaves/1.1/history", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.Forbidden);
        // The evidence is not reachable through the other unit's assessment either.
        var ls = await app.AssessmentIdAsync("LS");
        await (await other.GetAsync(new Uri($"/api/assessments/{ls}/evidence/{evidenceId}", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        var page = await other.GetAsync(new Uri($"/assessments/{bg}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);

        // The owner still can.
        var download = await editor.GetAsync(new Uri($"/api/assessments/{bg}/evidence/{evidenceId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(TestFiles.Pdf(), await download.Content.ReadAsByteArrayAsync());
    }
}

/// <summary>user, request, expected status.</summary>
public static class PermissionMatrix
{
    private const int Ok = 200, Conflict = 409, Forbidden = 403;

    public static TheoryData<string, string, int> Cases => new()
    {
        // user, request, expected status
        { "admin", "GET bg", Ok }, { "admin", "PUT bg 1.1", Forbidden }, { "admin", "GET users", Ok }, { "admin", "GET units", Ok }, { "admin", "GET campaigns", Forbidden },
        { "coordinator", "GET bg", Ok }, { "coordinator", "GET ls", Ok }, { "coordinator", "PUT bg 1.1", Conflict }, { "coordinator", "GET users", Forbidden }, { "coordinator", "GET units", Ok }, { "coordinator", "GET campaigns", Ok },
        { "editor.bacgiang", "GET bg", Ok }, { "editor.bacgiang", "GET ls", Forbidden }, { "editor.bacgiang", "PUT bg 1.1", Conflict }, { "editor.bacgiang", "PUT ls 1.1", Forbidden },
        { "editor.bacgiang", "GET bg history", Ok }, { "editor.bacgiang", "GET ls history", Forbidden }, { "editor.bacgiang", "SUBMIT bg", Forbidden },
        { "editor.bacgiang", "GET users", Forbidden }, { "editor.bacgiang", "GET units", Forbidden }, { "editor.bacgiang", "GET campaigns", Forbidden },
        { "lead.bacgiang", "GET bg", Ok }, { "lead.bacgiang", "PUT bg 1.1", Conflict }, { "lead.bacgiang", "GET ls", Forbidden }, { "lead.bacgiang", "SUBMIT ls", Forbidden },
        { "editor.stp", "GET bg", Ok }, { "editor.stp", "PUT bg 2.1.1", Conflict }, { "editor.stp", "PUT bg 1.1", Forbidden }, { "editor.stp", "GET ls", Forbidden }, { "editor.stp", "SUBMIT bg", Forbidden },
        { "editor.langson", "GET ls", Ok }, { "editor.langson", "GET bg", Forbidden }, { "editor.langson", "PUT bg 1.1", Forbidden }, { "editor.langson", "GET bg history", Forbidden },
        { "appraiser", "GET bg", Ok }, { "appraiser", "GET ls", Ok }, { "appraiser", "PUT bg 1.1", Forbidden }, { "appraiser", "SUBMIT bg", Forbidden }, { "appraiser", "GET users", Forbidden },
        { "chair", "GET bg", Ok }, { "chair", "PUT bg 1.1", Forbidden }, { "chair", "GET campaigns", Forbidden },
    };
}

public sealed class PermissionMatrixTestsOnSqlite(SqliteAppFixture app) : PermissionMatrixTests<SqliteAppFixture>(app);

public sealed class PermissionMatrixTestsOnPostgres(PostgresAppFixture app) : PermissionMatrixTests<PostgresAppFixture>(app);
