using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ParIndex.Web.Hosting;

/// <summary>
/// What lets several instances serve one database (ADR 0111): the data-protection key ring in the
/// database and the client's address behind trusted proxies. The key ring (in the database) and the
/// evidence store every instance sees (ADR 0110) are registered with the use cases
/// (<c>AddParIndexApplication</c>), so that the CLI shares them.
/// </summary>
public static class InstanceSetup
{
    public static IServiceCollection AddParIndexInstances(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options => ConfigureProxies(options, configuration));
        return services;
    }

    /// <summary>
    /// Reads <c>X-Forwarded-For</c>/<c>-Proto</c> only from the proxies in <c>ForwardedHeaders:KnownProxies</c>
    /// (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR); with none configured the headers
    /// are ignored, so a client cannot pose as another address to the login rate limit.
    /// </summary>
    public static WebApplication UseParIndexForwardedHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    private static void ConfigureProxies(ForwardedHeadersOptions options, IConfiguration configuration)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The framework trusts loopback by default; here only what is configured is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy.Trim(), out var address)
                ? address
                : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies: '{proxy}' không phải là địa chỉ IP."));
        }

        foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network.Trim(), out var parsed)
                ? parsed
                : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks: '{network}' không phải là dải địa chỉ (CIDR, ví dụ 10.0.0.0/8)."));
        }

        if (configuration.GetValue<int?>("ForwardedHeaders:ForwardLimit") is { } limit)
        {
            options.ForwardLimit = limit;
        }
    }
}
