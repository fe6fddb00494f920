using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ParIndex.Web.Hosting;

/// <summary>
/// Logs, traces, metrics and health endpoints for operators: JSON console logs when configured,
/// OpenTelemetry exported by OTLP only when an endpoint is configured, and <c>/health/live</c> and
/// <c>/health/ready</c> beside <c>/health</c>.
/// </summary>
internal static class Observability
{
    /// <summary>The service name in traces and metrics.</summary>
    public const string ServiceName = "ParIndex";

    /// <summary>The tag of the health checks that <c>/health/ready</c> runs.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Registers the console log format, OpenTelemetry (when an endpoint is set) and the health checks.</summary>
    public static WebApplicationBuilder AddParIndexObservability(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var json = configuration.GetValue<bool>("Logging:Json")
            || string.Equals(configuration["Logging:Console:FormatterName"], ConsoleFormatterNames.Json, StringComparison.OrdinalIgnoreCase);
        if (json)
        {
            builder.Services.Configure<ConsoleLoggerOptions>(options => options.FormatterName = ConsoleFormatterNames.Json);
            builder.Services.Configure<JsonConsoleFormatterOptions>(options => options.IncludeScopes = true);
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag]);

        var endpoint = configuration["OpenTelemetry:Endpoint"];
        if (string.IsNullOrWhiteSpace(endpoint) && string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        // Without OpenTelemetry:Endpoint the exporter reads the standard OTEL_EXPORTER_OTLP_* variables itself.
        var otlpEndpoint = string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint, UriKind.Absolute);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(options =>
                {
                    if (otlpEndpoint is not null)
                    {
                        options.Endpoint = otlpEndpoint;
                    }
                }))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter(options =>
                {
                    if (otlpEndpoint is not null)
                    {
                        options.Endpoint = otlpEndpoint;
                    }
                }));
        return builder;
    }

    /// <summary>
    /// <c>/health</c> runs every check (as before); <c>/health/live</c> none (the process answers);
    /// <c>/health/ready</c> those tagged <see cref="ReadyTag"/> (the database).
    /// </summary>
    public static WebApplication MapParIndexHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}
