using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Security;

/// <summary>
/// Too many login attempts or signed-PDF checks from one address get 429 (whichever accounts they
/// target); each limit counts only its own requests.
/// </summary>
public sealed class RequestRateLimitsTests(SqliteAppFixture app) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task The_third_signature_check_within_a_minute_is_refused_when_the_limit_is_two_and_sign_in_still_works()
    {
        await using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:VerifyPerMinute", "2"));
        using var client = limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        async Task<HttpResponseMessage> CheckAsync(string path)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent("không phải PDF"u8.ToArray()), "file", "x.pdf" } };
            return await client.PostAsync(new Uri(path, UriKind.Relative), form);
        }

        Assert.Equal(HttpStatusCode.BadRequest, (await CheckAsync("/api/verify-pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CheckAsync("/api/verify-pdf")).StatusCode);
        // The page's post and the API share one limit per address.
        var refused = await CheckAsync("/verify");
        Assert.Contains("kiểm tra chữ ký", await refused.AssertProblemAsync(HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CheckAsync("/api/verify-pdf")).StatusCode);
        // Reading the page is not limited, nor is signing in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/verify", UriKind.Relative))).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await AppFixture.TryLoginAsync(client, "admin", AppFixture.Password)).StatusCode);
    }

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

    /// <summary>
    /// Behind the proxy 10.0.0.1 (configured as known), two clients with different X-Forwarded-For
    /// addresses have a limit each; the same header from an unknown proxy is ignored.
    /// </summary>
    [Fact]
    public async Task Behind_a_known_proxy_each_forwarded_client_has_its_own_limit_and_an_unknown_proxy_is_not_believed()
    {
        await using var proxied = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("RateLimits:LoginPerMinute", "2");
            b.UseSetting("ForwardedHeaders:KnownProxies:0", "10.0.0.1");
            b.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
        });

        HttpClient Client(string peer, string forwardedFor)
        {
            var client = proxied.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Add(PeerAddressFilter.Header, peer);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            return client;
        }

        async Task<HttpStatusCode> AttemptAsync(HttpClient client) => (await AppFixture.TryLoginAsync(client, "khong.ton.tai", "sai-mat-khau")).StatusCode;

        using var first = Client("10.0.0.1", "203.0.113.5");
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(first));
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(first));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync(first));
        using var second = Client("10.0.0.1", "203.0.113.6");
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(second));

        // An unknown proxy's header is ignored: its clients share the proxy's own limit.
        using var spoofA = Client("10.0.0.9", "198.51.100.1");
        using var spoofB = Client("10.0.0.9", "198.51.100.2");
        using var spoofC = Client("10.0.0.9", "198.51.100.3");
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(spoofA));
        Assert.Equal(HttpStatusCode.Unauthorized, await AttemptAsync(spoofB));
        Assert.Equal(HttpStatusCode.TooManyRequests, await AttemptAsync(spoofC));
    }

    /// <summary>The test server has no TCP peer: this sets the peer's address from a test header, before the app's middleware.</summary>
    private sealed class PeerAddressFilter : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(builder);
        };
    }
}
