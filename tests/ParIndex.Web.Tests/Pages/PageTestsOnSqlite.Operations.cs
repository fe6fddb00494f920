using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Pages;

/// <summary>Operations (health endpoints, request log scopes, OpenTelemetry), on SQLite only.</summary>
public sealed partial class PageTestsOnSqlite
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_the_database_answers()
    {
        using var client = App.CreateClient();
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", await live.Content.ReadAsStringAsync());
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_answers_503_when_a_ready_check_fails_and_live_still_200()
    {
        await using var failing = App.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddHealthChecks().AddCheck("failing-database", () => HealthCheckResult.Unhealthy("test"), tags: ["ready"])));
        using var client = failing.CreateClient();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Every_log_line_of_a_request_carries_the_user_the_unit_and_the_request_id()
    {
        var capture = new ScopeCapturingLoggerProvider();
        await using var logged = App.WithWebHostBuilder(b =>
        {
            b.ConfigureLogging(logging => logging.AddFilter<ScopeCapturingLoggerProvider>(null, LogLevel.Trace));
            b.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(capture));
        });
        using var client = logged.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.TryLoginAsync(client, "editor.bacgiang", AppFixture.Password)).StatusCode);
        var unitId = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "editor.bacgiang").Select(u => u.UnitId).SingleAsync());
        Assert.NotNull(unitId);
        var assessmentId = await App.AssessmentIdAsync("BG");

        capture.Entries.Clear();
        var response = await client.GetAsync(new Uri($"/api/assessments/{assessmentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // The lines written after authentication (the endpoint and its queries) carry the scope; those of
        // the hosting layer, routing and the authentication itself (the session lookup) come before it.
        Assert.All(capture.Entries.Where(e => e.Category == "Microsoft.AspNetCore.Routing.EndpointMiddleware"),
            e => Assert.True(e.Scope.ContainsKey("UserName"), e.Message));
        var inside = capture.Entries.Where(e => e.Scope.ContainsKey("UserName")).ToList();
        Assert.Contains(inside, e => e.Message.StartsWith("Executing endpoint", StringComparison.Ordinal));
        Assert.Contains(inside, e => e.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        Assert.All(inside, e =>
        {
            Assert.Equal("editor.bacgiang", e.Scope.GetValueOrDefault("UserName"));
            Assert.Equal(unitId, e.Scope.GetValueOrDefault("UnitId"));
            Assert.False(string.IsNullOrEmpty(e.Scope.GetValueOrDefault("RequestId") as string));
        });
        Assert.Single(inside.Select(e => e.Scope["RequestId"]).Distinct());
    }

    [Fact]
    public async Task OpenTelemetry_is_registered_only_when_an_endpoint_is_configured()
    {
        Assert.Null(App.Services.GetService<TracerProvider>());
        Assert.Null(App.Services.GetService<MeterProvider>());

        // A closed port on the loopback interface: nothing leaves the machine.
        await using var traced = App.WithWebHostBuilder(b => b.UseSetting("OpenTelemetry:Endpoint", "http://127.0.0.1:9"));
        Assert.NotNull(traced.Services.GetService<TracerProvider>());
        Assert.NotNull(traced.Services.GetService<MeterProvider>());
    }

    /// <summary>Keeps every log entry with the values of the scopes open when it was written.</summary>
    private sealed class ScopeCapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ConcurrentQueue<LogEntry> Entries { get; } = new();

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(ScopeCapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => provider.scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var values = new Dictionary<string, object?>();
                provider.scopes.ForEachScope((scope, collected) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var pair in pairs)
                        {
                            collected[pair.Key] = pair.Value;
                        }
                    }
                }, values);
                provider.Entries.Enqueue(new LogEntry(category, formatter(state, exception), values));
            }
        }
    }

    private sealed record LogEntry(string Category, string Message, IReadOnlyDictionary<string, object?> Scope);
}
