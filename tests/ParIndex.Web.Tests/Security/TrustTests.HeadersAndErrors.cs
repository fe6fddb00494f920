using System.Net;
using AngleSharp.Html.Parser;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Security;

public abstract partial class TrustTests<TApp>
{
    private static void AssertSecurityHeaders(HttpResponseMessage response, string what)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : response.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c)
            : throw new Xunit.Sdk.XunitException($"{what}: no {name} header");

        var csp = Header("Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' ; script", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("same-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", Header("Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_api_answers_static_files_and_evidence_downloads_carry_the_security_headers()
    {
        // Lạng Sơn's draft: the cross-site theory may have moved Bắc Giang's assessment on.
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        AssertSecurityHeaders(await editor.GetAsync(new Uri($"/assessments/{id}", UriKind.Relative)), "page");
        AssertSecurityHeaders(await editor.GetAsync(new Uri($"/api/assessments/{id}", UriKind.Relative)), "API");
        AssertSecurityHeaders(await editor.GetAsync(new Uri("/css/app.css", UriKind.Relative)), "static file");
        AssertSecurityHeaders(await editor.GetAsync(new Uri("/api/nothing-here", UriKind.Relative)), "API 404");

        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(TestFiles.Pdf());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", "ke-hoach.pdf");
        content.Add(new StringContent("1.2"), "leafCodes");
        using var upload = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{id}/evidence", UriKind.Relative)) { Content = content };
        upload.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(editor));
        var created = await editor.SendAsync(upload);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var evidenceId = (await created.JsonAsync()).GetProperty("id").GetGuid();
        var download = await editor.GetAsync(new Uri($"/api/assessments/{id}/evidence/{evidenceId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        AssertSecurityHeaders(download, "evidence download");
        await editor.DeleteAsync(new Uri($"/api/assessments/{id}/evidence/{evidenceId}", UriKind.Relative));
    }

    [Fact]
    public async Task The_pages_have_no_inline_script_the_policy_would_block()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        foreach (var url in new[] { "/", $"/assessments/{id}", "/results", "/login" })
        {
            var html = await (await editor.GetAsync(new Uri(url, UriKind.Relative))).Content.ReadAsStringAsync();
            var document = new HtmlParser().ParseDocument(html);
            Assert.All(document.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"{url}: inline <script>"));
            Assert.DoesNotContain(document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
    }

    private static void AssertStyledErrorPage(string html, int status, string vietnamese)
    {
        var document = new HtmlParser().ParseDocument(html);
        Assert.NotNull(document.QuerySelector("header.topbar nav a[href='/results']"));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), document.QuerySelector("#error-page")?.GetAttribute("data-status"));
        Assert.Contains(vietnamese, document.QuerySelector("#error-page h1")?.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(AppFixture.InternalExceptionText, html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_gets_a_styled_vietnamese_page_for_404_403_and_500_and_the_api_keeps_problem_details()
    {
        using var editor = await app.LoginAsync("editor.bacgiang");
        var missing = await editor.GetAsync(new Uri("/trang-khong-ton-tai", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/html", missing.Content.Headers.ContentType?.MediaType);
        AssertStyledErrorPage(await missing.Content.ReadAsStringAsync(), 404, "Không tìm thấy trang");
        // The signed-in user's menu is there.
        Assert.Contains("/surveys", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        AssertStyledErrorPage(await (await anonymous.GetAsync(new Uri("/khong-co/trang-nay", UriKind.Relative))).Content.ReadAsStringAsync(), 404, "Không tìm thấy trang");

        // A unit editor opening the administrator's page.
        var forbidden = await editor.GetAsync(new Uri("/admin/users", UriKind.Relative));
        if (forbidden.StatusCode == HttpStatusCode.Redirect)
        {
            forbidden = await editor.GetAsync(forbidden.Headers.Location!);
        }

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("text/html", forbidden.Content.Headers.ContentType?.MediaType);
        AssertStyledErrorPage(await forbidden.Content.ReadAsStringAsync(), 403, "Không có quyền");

        var failing = await editor.GetAsync(new Uri(AppFixture.ThrowingPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, failing.StatusCode);
        Assert.Equal("text/html", failing.Content.Headers.ContentType?.MediaType);
        AssertStyledErrorPage(await failing.Content.ReadAsStringAsync(), 500, "Lỗi hệ thống");
        AssertSecurityHeaders(failing, "500 page");

        // English with the language cookie.
        using var english = new HttpRequestMessage(HttpMethod.Get, new Uri("/trang-khong-ton-tai", UriKind.Relative));
        english.Headers.Add("Cookie", "parindex-lang=en");
        var englishPage = await anonymous.SendAsync(english);
        Assert.Contains("Page not found", await englishPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The API keeps ProblemDetails, without the exception's text.
        await (await editor.GetAsync(new Uri("/api/khong-co", UriKind.Relative))).AssertProblemAsync(HttpStatusCode.NotFound);
        var apiFailure = await editor.GetAsync(new Uri("/api" + AppFixture.ThrowingPath, UriKind.Relative));
        await apiFailure.AssertProblemAsync(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain(AppFixture.InternalExceptionText, await apiFailure.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
