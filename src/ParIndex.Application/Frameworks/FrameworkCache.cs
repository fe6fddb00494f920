using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Data.Campaigns;

namespace ParIndex.Application.Frameworks;

/// <summary>
/// Parsed frameworks by record id. A stored framework record never changes (a new version is a new
/// record), so parsing once per process is safe.
/// </summary>
public sealed class FrameworkCache
{
    private readonly ConcurrentDictionary<int, Framework> parsed = new();

    public Framework Get(FrameworkRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return parsed.GetOrAdd(record.Id, _ => FrameworkFile.Read(record.Json));
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
