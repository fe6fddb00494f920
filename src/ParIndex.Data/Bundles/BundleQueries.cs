using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data.Appraisal;
using ParIndex.Data.Assessments;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Crosswalks;
using ParIndex.Data.Evidence;
using ParIndex.Data.History;
using ParIndex.Data.Surveys;
using ParIndex.Data.Units;

namespace ParIndex.Data.Bundles;

/// <summary>The rows of one campaign: the campaign, its framework and the units it uses (with their parents).</summary>
internal sealed record CampaignSelection(int CampaignId, int FrameworkRecordId, IReadOnlyCollection<int> UnitIds)
{
    public static async Task<CampaignSelection> LoadAsync(ParIndexDbContext db, int campaignId, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId).Select(c => new { c.Id, c.FrameworkRecordId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new BundleException(BundleException.Refused, $"Không có kỳ đánh giá {campaignId} trong cơ sở dữ liệu (no such campaign).");
        var used = new HashSet<int>();
        used.UnionWith(await db.Assessments.Where(a => a.CampaignId == campaignId).Select(a => a.UnitId).ToListAsync(cancellationToken));
        used.UnionWith(await db.Assignments.Where(a => a.Assessment!.CampaignId == campaignId).Select(a => a.ContributingUnitId).Distinct().ToListAsync(cancellationToken));
        used.UnionWith(await db.AppraiserAssignments.Where(a => a.CampaignId == campaignId && a.UnitId != null).Select(a => a.UnitId!.Value).Distinct().ToListAsync(cancellationToken));
        used.UnionWith(await db.SurveyQuotaTargets.Where(t => t.CampaignId == campaignId).Select(t => t.UnitId).Distinct().ToListAsync(cancellationToken));
        used.UnionWith(await db.SurveySipasResults.Where(t => t.CampaignId == campaignId).Select(t => t.UnitId).Distinct().ToListAsync(cancellationToken));
        used.UnionWith(await db.SurveyAnswerCounts.Where(c => db.SurveyBatches.Any(b => b.Id == c.BatchId && b.CampaignId == campaignId)).Select(c => c.UnitId).Distinct().ToListAsync(cancellationToken));

        // Parents too, so that every unit's parent key resolves in the target.
        var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToDictionaryAsync(u => u.Id, u => u.ParentId, cancellationToken);
        foreach (var id in used.ToList())
        {
            for (var parent = parents.GetValueOrDefault(id); parent is { } p && used.Add(p); parent = parents.GetValueOrDefault(p))
            {
            }
        }

        return new CampaignSelection(campaign.Id, campaign.FrameworkRecordId, used);
    }
}

/// <summary>Typed, untracked queries over a <see cref="BundleTable"/>, ordered by key, optionally narrowed to one campaign.</summary>
internal static class BundleQueries
{
    private static readonly MethodInfo RowsMethod = typeof(BundleQueries).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>The rows of a table, as entities (or dictionaries for a join table).</summary>
    public static IAsyncEnumerable<object> Rows(ParIndexDbContext db, BundleTable table, CampaignSelection? campaign) =>
        table.IsSharedType
            ? Ordered(Narrow(db.Set<Dictionary<string, object>>(table.EntityType.Name), db, campaign), table)
            : (IAsyncEnumerable<object>)RowsMethod.MakeGenericMethod(table.EntityType.ClrType).Invoke(null, [db, table, campaign])!;

    /// <summary>Whether the table has any row.</summary>
    public static async Task<bool> AnyAsync(ParIndexDbContext db, BundleTable table, CancellationToken cancellationToken)
    {
        await using var rows = Rows(db, table, null).GetAsyncEnumerator(cancellationToken);
        return await rows.MoveNextAsync();
    }

    private static IAsyncEnumerable<object> RowsOf<T>(ParIndexDbContext db, BundleTable table, CampaignSelection? campaign)
        where T : class =>
        Ordered(campaign is null ? db.Set<T>() : Narrow(db.Set<T>(), db, campaign), table);

    private static IAsyncEnumerable<object> Ordered<T>(IQueryable<T> query, BundleTable table)
        where T : class
    {
        var keys = table.EntityType.FindPrimaryKey()!.Properties;
        var ordered = query.AsNoTracking().OrderBy(Key<T>(keys[0].Name));
        foreach (var key in keys.Skip(1))
        {
            ordered = ordered.ThenBy(Key<T>(key.Name));
        }

        return (IAsyncEnumerable<object>)ordered.AsAsyncEnumerable();
    }

    private static Expression<Func<T, object>> Key<T>(string name) => e => EF.Property<object>(e!, name);

    /// <summary>One campaign's rows of a table. A table not named here cannot go into a campaign bundle.</summary>
    private static IQueryable<T> Narrow<T>(IQueryable<T> query, ParIndexDbContext db, CampaignSelection? selection)
        where T : class
    {
        if (selection is null)
        {
            return query;
        }

        var c = selection.CampaignId;
        var units = selection.UnitIds;
        IQueryable narrowed = query switch
        {
            IQueryable<FrameworkRecord> q => q.Where(f => f.Id == selection.FrameworkRecordId),
            IQueryable<Campaign> q => q.Where(x => x.Id == c),
            IQueryable<Unit> q => q.Where(u => units.Contains(u.Id)),
            IQueryable<Assessment> q => q.Where(a => a.CampaignId == c),
            IQueryable<LeafEntry> q => q.Where(e => e.Assessment!.CampaignId == c),
            IQueryable<AssessmentReport> q => q.Where(r => r.Assessment!.CampaignId == c),
            IQueryable<Signing.SignedReport> q => q.Where(r => r.Assessment!.CampaignId == c),
            IQueryable<Assignment> q => q.Where(a => a.Assessment!.CampaignId == c),
            IQueryable<EvidenceFile> q => q.Where(f => f.Assessment!.CampaignId == c),
            IQueryable<Dictionary<string, object>> q => q.Where(d => db.LeafEntries.Any(l => l.Id == EF.Property<int>(d, "LeavesId") && l.Assessment!.CampaignId == c)),
            // Campaign-wide history lines carry no campaign id: only the assessments' lines go.
            IQueryable<HistoryEntry> q => q.Where(h => db.Assessments.Any(a => a.Id == h.AssessmentId && a.CampaignId == c)),
            IQueryable<AppraiserAssignment> q => q.Where(a => a.CampaignId == c),
            IQueryable<SurveyQuestionnaireRecord> q => q.Where(x => x.CampaignId == c),
            IQueryable<SurveyBatchRecord> q => q.Where(b => b.CampaignId == c),
            IQueryable<SurveyAnswerRecord> q => q.Where(a => db.SurveyBatches.Any(b => b.Id == a.BatchId && b.CampaignId == c)),
            IQueryable<SurveyAnswerCount> q => q.Where(a => db.SurveyBatches.Any(b => b.Id == a.BatchId && b.CampaignId == c)),
            IQueryable<SurveyQuotaTarget> q => q.Where(t => t.CampaignId == c),
            IQueryable<SurveySipasResult> q => q.Where(s => s.CampaignId == c),
            IQueryable<CarriedSuggestion> q => q.Where(s => s.Assessment!.CampaignId == c),
            // A crosswalk joins two framework versions; a campaign bundle carries only its own framework.
            IQueryable<StoredCrosswalk> q => q.Where(_ => false),
            IQueryable<CrosswalkRevision> q => q.Where(_ => false),
            _ => throw new InvalidOperationException($"{typeof(T).Name}: no campaign filter; add one to BundleQueries or make it an account table."),
        };
        return (IQueryable<T>)narrowed;
    }
}
