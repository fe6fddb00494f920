using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ParIndex.Web.Accounts;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Security;

public abstract partial class TrustTests<TApp>
{
    [Fact]
    public async Task A_cookie_copied_before_logout_is_refused_after_it()
    {
        var cookies = await SignInCookiesAsync("coordinator");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookiesAsync("/api/units", cookies)).StatusCode);

        // Log out the way the page does: the menu's form with its token.
        var home = await GetWithCookiesAsync("/", cookies);
        using var client = BareClient();
        using var logout = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/logout", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AppFixture.FormToken(await home.Content.ReadAsStringAsync()) }),
        };
        logout.Headers.Add("Cookie", cookies);
        var loggedOut = await client.SendAsync(logout);
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);

        // The attacker's copy of the cookie.
        await (await GetWithCookiesAsync("/api/units", cookies)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        var page = await GetWithCookiesAsync("/", cookies);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/login", page.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Locking_a_user_or_resetting_their_password_ends_their_sessions_at_the_next_request()
    {
        using var admin = await app.LoginAsync("admin");
        var userName = Unique("phien");
        var id = await CreateUserAsync(admin, userName);
        var first = await SignInCookiesAsync(userName, "Dung@12345");
        var second = await SignInCookiesAsync(userName, "Dung@12345");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookiesAsync("/api/units", first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookiesAsync("/api/units", second)).StatusCode);

        var reset = await admin.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { userName, fullName = "Thử phiên", role = "Coordinator", password = "Moi@123456" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        await (await GetWithCookiesAsync("/api/units", first)).AssertProblemAsync(HttpStatusCode.Unauthorized);
        await (await GetWithCookiesAsync("/api/units", second)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        var third = await SignInCookiesAsync(userName, "Moi@123456");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookiesAsync("/api/units", third)).StatusCode);
        var locked = await admin.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { userName, fullName = "Thử phiên", role = "Coordinator", locked = true });
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        await (await GetWithCookiesAsync("/api/units", third)).AssertProblemAsync(HttpStatusCode.Unauthorized);

        // The locked user, even with the right password, is told so and gets no session.
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var refused = await AppFixture.TryLoginAsync(client, userName, "Moi@123456");
        Assert.Equal(HttpStatusCode.Locked, refused.StatusCode);
        Assert.Contains("quản trị viên khoá", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A role change ends sessions too.
        var unlocked = await admin.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { userName, fullName = "Thử phiên", role = "Coordinator", locked = false });
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        var fourth = await SignInCookiesAsync(userName, "Moi@123456");
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookiesAsync("/api/units", fourth)).StatusCode);
        var demoted = await admin.PutAsJsonAsync(new Uri($"/api/users/{id}", UriKind.Relative), new { userName, fullName = "Thử phiên", role = "Appraiser" });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        await (await GetWithCookiesAsync("/api/units", fourth)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_session_lives_on_the_server_with_the_configured_idle_timeout_and_an_http_only_cookie()
    {
        var sessionsBefore = await app.WithDbAsync(db => db.AuthSessions.Select(s => s.Id).ToListAsync());
        var cookies = await SignInCookiesAsync("coordinator");
        var session = await app.WithDbAsync(db => db.AuthSessions.AsNoTracking().SingleAsync(s => !sessionsBefore.Contains(s.Id)));
        // The fixture sets Auth:IdleTimeout to 20 minutes.
        Assert.InRange(session.ExpiresUtc - session.CreatedUtc, TimeSpan.FromMinutes(19.9), TimeSpan.FromMinutes(20));
        // The cookie holds the session key, not the claims: it is far smaller than a ticket.
        var auth = cookies.Split("; ").Single(c => c.StartsWith("parindex-auth=", StringComparison.Ordinal));
        Assert.True(auth.Length < 400, $"The auth cookie is {auth.Length} characters: the ticket is still in it.");

        Assert.Equal(HttpStatusCode.OK, (await GetWithCookiesAsync("/api/units", cookies)).StatusCode);
        // Past its deadline on the server, the session is refused whatever the cookie says.
        await app.WithDbAsync(db => db.AuthSessions.Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExpiresUtc, DateTime.UtcNow.AddSeconds(-1))));
        await (await GetWithCookiesAsync("/api/units", cookies)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_auth_cookie_is_secure_over_https_and_not_over_http()
    {
        using var https = BareClient("https://localhost");
        var page = await https.GetAsync(new Uri("/login", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/login", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = AppFixture.FormToken(await page.Content.ReadAsStringAsync()),
                ["Input.UserName"] = "chair",
                ["Input.Password"] = AppFixture.Password,
            }),
        };
        request.Headers.Add("Cookie", string.Join("; ", Cookies(page).Select(c => c.Key + "=" + c.Value)));
        request.Headers.Remove("Origin");
        request.Headers.Add("Origin", "https://localhost");
        var response = await https.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("parindex-auth=", StringComparison.Ordinal));
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", setCookie, StringComparison.OrdinalIgnoreCase);

        using var http = BareClient();
        var plain = await SignInCookiesAsync("chair", client: http);
        Assert.Contains("parindex-auth=", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ticket_store_ends_a_session_when_idle_and_at_the_absolute_lifetime()
    {
        // Whole seconds (the ticket keeps its expiry to the second), a day back so real sessions are not touched.
        var clock = new MutableClock(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddDays(-1).ToUnixTimeSeconds()));
        var store = new DbTicketStore(app.Services.GetRequiredService<IServiceScopeFactory>(), clock,
            Options.Create(new AuthSessionOptions { IdleTimeout = TimeSpan.FromMinutes(30), Lifetime = TimeSpan.FromHours(1) }));
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "chair").Select(u => u.Id).SingleAsync());
        AuthenticationTicket Ticket(TimeSpan idle) => new(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Name, "chair")], "test")),
            new AuthenticationProperties { ExpiresUtc = clock.GetUtcNow() + idle }, "Identity.Application");

        var key = await store.StoreAsync(Ticket(TimeSpan.FromMinutes(30)));
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.NotNull(await store.RetrieveAsync(key));
        // Idle for longer than 30 minutes: gone.
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await store.RetrieveAsync(key));

        // Kept active (renewed every 20 minutes), it still ends one hour after sign-in.
        var active = await store.StoreAsync(Ticket(TimeSpan.FromMinutes(30)));
        for (var i = 0; i < 2; i++)
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            await store.RenewAsync(active, Ticket(TimeSpan.FromMinutes(30)));
        }

        clock.Advance(TimeSpan.FromMinutes(19));
        var late = await store.RetrieveAsync(active);
        Assert.NotNull(late);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(1), late.Properties.ExpiresUtc);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await store.RetrieveAsync(active));

        await store.RemoveAsync(key);
        await store.RemoveAsync(active);
    }

    [Fact]
    public async Task An_unknown_user_and_a_wrong_password_get_the_same_answer_and_the_same_lockout()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var unknownName = Unique("khong.ton.tai");
        var unknown = await AppFixture.TryLoginAsync(client, unknownName, "Sai@12345");
        var wrong = await AppFixture.TryLoginAsync(client, "editor.stp", "Sai@12345");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(wrong.StatusCode, unknown.StatusCode);
        Assert.Equal(
            WithoutTokens(await wrong.Content.ReadAsStringAsync()).Replace("editor.stp", "NAME", StringComparison.Ordinal),
            WithoutTokens(await unknown.Content.ReadAsStringAsync()).Replace(unknownName, "NAME", StringComparison.Ordinal));

        // An unknown name is locked after 5 failures exactly like a real one (today only real ones say 423).
        for (var attempt = 2; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await AppFixture.TryLoginAsync(client, unknownName, "Sai@12345")).StatusCode);
        }

        var locked = await AppFixture.TryLoginAsync(client, unknownName, "Sai@12345");
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.Contains("5 lần", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_user_costs_the_same_password_hash_work_as_a_wrong_password()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // Each attempt from its own address, so that the 5-failure lockout does not shorten the answers.
        // The two names alternate, so that other work on the machine slows both samples alike.
        var n = 0;
        var unknownName = Unique("khong.co");
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        async Task MeasureAsync(string userName, List<double> times)
        {
            client.DefaultRequestHeaders.Remove(AppFixture.RemoteAddressHeader);
            client.DefaultRequestHeaders.Add(AppFixture.RemoteAddressHeader, $"192.0.2.{++n}");
            var watch = Stopwatch.StartNew();
            var response = await AppFixture.TryLoginAsync(client, userName, "Sai@12345");
            times.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        for (var i = 0; i < 7; i++)
        {
            await MeasureAsync("editor.langson", knownTimes);
            await MeasureAsync(unknownName, unknownTimes);
        }

        var known = knownTimes.Order().ElementAt(knownTimes.Count / 2);
        var unknown = unknownTimes.Order().ElementAt(unknownTimes.Count / 2);
        // A ratio measured in the same run, not a wall-clock limit: before, an unknown name answered ≈10× faster.
        Assert.True(unknown > known * 0.5, $"Unknown user {unknown:F0} ms against wrong password {known:F0} ms: the difference tells which accounts exist.");
    }

    [Fact]
    public async Task A_stranger_cannot_lock_a_user_out_from_another_address()
    {
        using var admin = await app.LoginAsync("admin");
        var userName = Unique("nan.nhan");
        await CreateUserAsync(admin, userName);

        using var attacker = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        attacker.DefaultRequestHeaders.Add(AppFixture.RemoteAddressHeader, "203.0.113.9");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            Assert.NotEqual(HttpStatusCode.Redirect, (await AppFixture.TryLoginAsync(attacker, userName, "Doan@12345")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Locked, (await AppFixture.TryLoginAsync(attacker, userName, "Dung@12345")).StatusCode);

        using var victim = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        victim.DefaultRequestHeaders.Add(AppFixture.RemoteAddressHeader, "198.51.100.7");
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.TryLoginAsync(victim, userName, "Dung@12345")).StatusCode);
    }

    private sealed class MutableClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset now = now;

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
