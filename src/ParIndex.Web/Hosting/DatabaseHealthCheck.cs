using Microsoft.Extensions.Diagnostics.HealthChecks;
using ParIndex.Data;

namespace ParIndex.Web.Hosting;

/// <summary>Healthy when the configured database answers (for load balancers in multi-instance deployments).</summary>
internal sealed class DatabaseHealthCheck(ParIndexDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{db.Database.ProviderName} reachable")
            : HealthCheckResult.Unhealthy("Không kết nối được cơ sở dữ liệu.");
}
