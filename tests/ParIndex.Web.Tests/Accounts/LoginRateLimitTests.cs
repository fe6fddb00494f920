using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Accounts;

/// <summary>Too many login attempts from one address get 429, whichever accounts they target.</summary>
public sealed class LoginRateLimitTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task The_fourth_attempt_within_a_minute_is_refused_when_the_limit_is_three()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:LoginPerMinute", "3"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var statuses = new List<HttpStatusCode>();
        foreach (var user in new[] { "admin", "chair", "appraiser", "coordinator" })
        {
            statuses.Add((await AppFixture.TryLoginAsync(client, user, "sai-mat-khau")).StatusCode);
        }

        Assert.All(statuses.Take(3), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
        var rejected = await AppFixture.TryLoginAsync(client, "admin", AppFixture.Password);
        Assert.Contains("thử lại sau một phút", await rejected.AssertProblemAsync(HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
    }
}
