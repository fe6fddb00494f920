using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Security;

public abstract partial class TrustTests<TApp>
{
    /// <summary>What a browser sends from elsewhere: another port of the same host, a sibling site, or nothing at all.</summary>
    private static readonly (string Name, string? SecFetchSite, string? Origin)[] Foreign =
    [
        ("another port of the same host", null, "http://localhost:9999"),
        ("Sec-Fetch-Site: cross-site", "cross-site", "https://evil.example"),
        ("Sec-Fetch-Site: same-site", "same-site", "http://localhost:9999"),
        ("same-site even with our Origin", "same-site", AppFixture.OwnOrigin),
        ("Origin: null", null, "null"),
        ("no Origin nor Sec-Fetch-Site", null, null),
    ];

    private async Task<(string User, HttpMethod Method, string Url, bool Json)> TargetAsync(string kind)
    {
        var assessment = await app.AssessmentIdAsync("BG");
        var campaign = await app.WithDbAsync(db => db.Campaigns.Where(c => c.Name == DemoSeeder.CampaignName).Select(c => c.Id).SingleAsync());
        return kind switch
        {
            "submit" => ("lead.bacgiang", HttpMethod.Post, $"/api/assessments/{assessment}/submit", false),
            "withdraw" => ("lead.bacgiang", HttpMethod.Post, $"/api/assessments/{assessment}/withdraw", false),
            "actions" => ("appraiser", HttpMethod.Post, $"/api/assessments/{assessment}/actions/start-appraisal", false),
            "publish" => ("coordinator", HttpMethod.Post, $"/api/campaigns/{campaign}/actions/publish", false),
            "approve" => ("chair", HttpMethod.Post, $"/api/campaigns/{campaign}/actions/approve", false),
            "accept-remaining" => ("appraiser", HttpMethod.Post, $"/api/assessments/{assessment}/appraisal/accept-remaining", false),
            "questionnaires/sample" => ("coordinator", HttpMethod.Post, $"/api/campaigns/{campaign}/surveys/questionnaires/sample", false),
            "leaf-save" => ("editor.bacgiang", HttpMethod.Put, $"/api/assessments/{assessment}/leaves/1.4", true),
            "evidence-delete" => ("editor.bacgiang", HttpMethod.Delete, $"/api/assessments/{assessment}/evidence/{Guid.NewGuid()}", false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(TrustData.Endpoints), MemberType = typeof(TrustData))]
    public async Task A_state_changing_request_from_another_site_is_refused_and_one_from_the_app_is_not(string kind)
    {
        var (user, method, url, json) = await TargetAsync(kind);
        using var client = await app.LoginAsync(user);
        client.DefaultRequestHeaders.Remove("Origin");
        foreach (var (name, site, origin) in Foreign)
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = json ? JsonContent.Create(new { version = 0, score = "0" }) : null };
            if (site is not null)
            {
                request.Headers.Add("Sec-Fetch-Site", site);
            }

            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            await AssertGuardRefusedAsync(await client.SendAsync(request), $"{kind} from {name}");
        }

        // From the app itself: the browser's verdict, our own Origin, or the API token.
        foreach (var variant in new[] { "sec-fetch-site", "origin", "token" })
        {
            using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = json ? JsonContent.Create(new { version = 0, score = "0" }) : null };
            switch (variant)
            {
                case "sec-fetch-site":
                    request.Headers.Add("Sec-Fetch-Site", "same-origin");
                    request.Headers.Add("Origin", AppFixture.OwnOrigin);
                    break;
                case "origin":
                    request.Headers.Add("Origin", AppFixture.OwnOrigin);
                    break;
                default:
                    request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(client));
                    break;
            }

            var response = await client.SendAsync(request);
            // The endpoint itself answers (200, or 409 when the state does not allow the step): never the guard.
            Assert.False(await IsGuardRefusalAsync(response), $"{kind} via {variant} was refused as cross-site");
            Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task A_page_on_another_port_cannot_submit_the_units_assessment_with_the_leads_cookie()
    {
        var id = await app.AssessmentIdAsync("BG");
        var before = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
        using var lead = await app.LoginAsync("lead.bacgiang");
        using var attack = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{id}/submit", UriKind.Relative));
        attack.Headers.Remove("Origin");
        attack.Headers.Add("Origin", "http://localhost:9999");
        attack.Headers.Add("Sec-Fetch-Site", "same-site");
        await AssertGuardRefusedAsync(await lead.SendAsync(attack), "submit from another port");
        var status = await app.WithDbAsync(db => db.Assessments.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
        Assert.Equal(before, status);

        // A form post from elsewhere (logout CSRF) is refused the same way, and the session survives.
        using var form = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/logout", UriKind.Relative)) { Content = new FormUrlEncodedContent([]) };
        form.Headers.Remove("Origin");
        form.Headers.Add("Origin", "http://localhost:9999");
        await AssertGuardRefusedAsync(await lead.SendAsync(form), "logout from another port");
        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(new Uri($"/api/assessments/{id}", UriKind.Relative))).StatusCode);
    }
}

public static class TrustData
{
    /// <summary>Each kind of state-changing request a page of another site could aim at the API.</summary>
    public static TheoryData<string> Endpoints() =>
        ["submit", "withdraw", "actions", "publish", "approve", "accept-remaining", "questionnaires/sample", "leaf-save", "evidence-delete"];
}
