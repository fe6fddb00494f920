using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Problems;
using ParIndex.Core.Units;
using ParIndex.Data;

namespace ParIndex.Application.Results;

/// <summary>A predecessor of a merged or split unit with its result in the previous campaign (null when it had none).</summary>
public sealed record PredecessorResult(
    int UnitId,
    string UnitCode,
    string UnitName,
    string ChangeKind,
    DateOnly EffectiveDate,
    decimal? PreviousIndex,
    decimal? PreviousPoints,
    decimal? PreviousMax,
    int? PreviousRank,
    IReadOnlyList<ComponentIndex> Fields);

/// <summary>A former name of a renamed unit and the last day it was used.</summary>
public sealed record FormerName(string Name, DateOnly Until);

/// <summary>
/// Where a unit's results come from (ADR 0126): the units it was made of with their previous-campaign
/// results side by side, and its former names. When it has predecessors, its change against the
/// previous year is not a direct comparison.
/// </summary>
public sealed record UnitLineageResults(
    int? PreviousCampaignId,
    string? PreviousCampaignName,
    IReadOnlyList<PredecessorResult> Predecessors,
    IReadOnlyList<FormerName> FormerNames)
{
    public bool ComparisonNotDirect => Predecessors.Count > 0;

    public const string NotDirectVietnamese = "So sánh không trực tiếp";

    public const string NotDirectEnglish = "Not a direct comparison";
}

/// <summary>
/// The predecessors' results of a unit in a campaign, for its score card: their lines in the previous
/// campaign's stored results (the published snapshot for the public, the draft for staff), never a
/// recomputation of the previous campaign per request.
/// </summary>
public sealed class PredecessorResultsService(ParIndexDbContext db, ResultSnapshotService snapshots, DraftResultsService drafts)
{
    public async Task<UnitLineageResults> ForUnitAsync(int campaignId, int unitId, bool publicOnly, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        if (campaign is null || (publicOnly && campaign.PublishedAt is null))
        {
            throw DomainException.NotFound($"Kỳ đánh giá số {campaignId} chưa công bố kết quả.", $"Campaign number {campaignId} has not published its results.");
        }

        var links = await db.UnitLineage.AsNoTracking().Include(l => l.Predecessor)
            .Where(l => l.SuccessorId == unitId)
            .ToListAsync(cancellationToken);
        var formerNames = links.Where(l => l.Kind == UnitChangeKinds.Rename && l.PreviousName is not null)
            .OrderBy(l => l.EffectiveDate)
            .Select(l => new FormerName(l.PreviousName!, UnitValidity.LastDayBefore(l.EffectiveDate)))
            .ToList();
        var made = links.Where(l => l.Kind != UnitChangeKinds.Rename).OrderBy(l => l.Predecessor!.Code, StringComparer.Ordinal).ToList();
        if (made.Count == 0)
        {
            return new UnitLineageResults(campaign.PreviousCampaignId, null, [], formerNames);
        }

        string? previousName = null;
        IReadOnlyList<UnitResult> previous = [];
        if (campaign.PreviousCampaignId is { } previousId)
        {
            try
            {
                var header = publicOnly ? await snapshots.HeaderAsync(previousId, cancellationToken) : (await drafts.HeaderAsync(previousId, cancellationToken)).Header;
                previousName = header.Summary.CampaignName;
                previous = await snapshots.LinesAsync(header, made.Select(l => l.PredecessorId).ToList(), cancellationToken);
            }
            catch (DomainException e) when (e.Kind == ErrorKind.NotFound)
            {
                // The previous campaign is not published (or gone): the predecessors are named without results.
            }
        }

        var predecessors = made.Select(l =>
            {
                var before = previous.FirstOrDefault(u => u.UnitId == l.PredecessorId);
                return new PredecessorResult(l.PredecessorId, l.Predecessor!.Code, l.Predecessor.Name, l.Kind, l.EffectiveDate,
                    before?.Index, before?.Points, before?.Max, before?.Rank, before?.Fields ?? []);
            })
            .ToList();
        return new UnitLineageResults(campaign.PreviousCampaignId, previousName, predecessors, formerNames);
    }
}
