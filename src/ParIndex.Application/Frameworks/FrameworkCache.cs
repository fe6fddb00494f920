using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Data;
using ParIndex.Data.Campaigns;

namespace ParIndex.Application.Frameworks;

/// <summary>
/// Parsed frameworks by record id. An active or retired record never changes (a new version is a
/// new record), so parsing it once per process is safe; a draft changes with every edit and is
/// parsed each time (ADR 0122).
/// </summary>
public sealed class FrameworkCache
{
    private readonly ConcurrentDictionary<int, Framework> parsed = new();

    // Keyed by the parsed instance: a cached version compiles once, a draft's plan goes with its parse (ADR 0138).
    private readonly ConditionalWeakTable<Framework, ScoringPlan> plans = new();

    /// <summary>The compiled scoring plan of a framework this cache returned.</summary>
    public ScoringPlan Plan(Framework framework) => plans.GetValue(framework, ScoringPlan.Compile);

    public Framework Get(FrameworkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.State == FrameworkState.Draft ? FrameworkFile.Read(record.Json) : parsed.GetOrAdd(record.Id, _ => FrameworkFile.Read(record.Json));
    }

    public async Task<Framework> GetAsync(ParIndexDbContext db, int recordId, CancellationToken cancellationToken)
    {
        if (parsed.TryGetValue(recordId, out var framework))
        {
            return framework;
        }

        var record = await db.Frameworks.AsNoTracking().SingleAsync(f => f.Id == recordId, cancellationToken);
        return Get(record);
    }
}
