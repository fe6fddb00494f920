using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Problems;
using ParIndex.Data;

namespace ParIndex.Application.Results;

/// <summary>
/// Staff results as a stored draft (ADR 0144): the results of every assessment of a campaign,
/// whatever its state, computed once per change of the data and stored beside the published
/// versions (never served to the public, never counted as a version). Each read compares the
/// data's freshness key (<see cref="StampAsync"/>, one cheap SQL command) with the one the draft
/// was computed from; a missing or older draft is recomputed by <see cref="DraftResultsRefresher"/>
/// (one computation per campaign at a time, shared by concurrent readers). Readers that cannot wait
/// get the previous draft marked <see cref="DraftState.Updating"/>; every answer says when its data was read.
/// </summary>
public sealed class DraftResultsService(ParIndexDbContext db, ResultSnapshotService snapshots, DraftResultsRefresher refresher, TimeProvider clock)
{
    /// <summary>
    /// History ids counted below the newest (see <see cref="StampAsync"/>): far more than can be
    /// allocated while a short transaction that took an earlier id is still committing.
    /// </summary>
    internal const int HistoryWindow = 4096;

    /// <summary>
    /// The freshness key of a campaign's staff results. Every change that moves a result writes a
    /// history row (the audit trail), so the newest history id changes with it; the number of rows
    /// in the window below the newest catches a transaction that committed after a later id was read
    /// (ids are taken at insert, not at commit). A survey import or deletion is a long transaction:
    /// its batch rows of the campaign (count and newest id) are read as well, and so are the
    /// crosswalks (count and versions), which are not history rows. Not found for an unknown campaign.
    /// </summary>
    public async Task<string> StampAsync(int campaignId, CancellationToken cancellationToken)
    {
        var row = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new
            {
                History = db.History.Max(h => (long?)h.Id),
                Recent = db.History.Count(h => h.Id > db.History.Max(x => x.Id) - HistoryWindow),
                Batches = db.SurveyBatches.Count(b => b.CampaignId == campaignId),
                LastBatch = db.SurveyBatches.Where(b => b.CampaignId == campaignId).Max(b => (int?)b.Id),
                Crosswalks = db.Crosswalks.Count(),
                CrosswalkVersions = db.Crosswalks.Sum(x => (long?)x.Version),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound($"Không có kỳ đánh giá số {campaignId}.", $"There is no campaign number {campaignId}.");
        return string.Create(CultureInfo.InvariantCulture,
            $"h{row.History ?? 0}.{row.Recent} s{row.Batches}.{row.LastBatch ?? 0} x{row.Crosswalks}.{row.CrosswalkVersions ?? 0}");
    }

    /// <summary>The campaign's staff results (the results API and the staff score cards).</summary>
    public async Task<CampaignResults> CampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        var (header, state) = await HeaderAsync(campaignId, cancellationToken);
        return await snapshots.CampaignAsync(header, cancellationToken) with { Draft = state };
    }

    /// <summary>A unit's staff score card; its campaign part carries the summary and this unit's line.</summary>
    public async Task<UnitScoreCard> CardAsync(int campaignId, int unitId, CancellationToken cancellationToken)
    {
        var (header, state) = await HeaderAsync(campaignId, cancellationToken);
        var card = (await snapshots.CardAsync(header, unitId, cancellationToken)).Card;
        return card with { Campaign = card.Campaign with { Draft = state } };
    }

    /// <summary>The staff export: always the current data (a download waits for the computation).</summary>
    public async Task<ResultsExportDocument> ExportDocumentAsync(int campaignId, CancellationToken cancellationToken)
    {
        var (header, state) = await HeaderAsync(campaignId, Timeout.InfiniteTimeSpan, cancellationToken);
        var campaign = await snapshots.CampaignAsync(header, cancellationToken) with { Draft = state };
        return await snapshots.ExportDocumentAsync(header, campaign, cancellationToken);
    }

    /// <summary>The draft to serve to a page or API read (waiting at most the configured time for newer results).</summary>
    internal Task<(SnapshotHeader Header, DraftState State)> HeaderAsync(int campaignId, CancellationToken cancellationToken) =>
        HeaderAsync(campaignId, refresher.StaleWait, cancellationToken);

    /// <summary>
    /// The draft to serve: the stored one when it was computed from the current data; otherwise a
    /// new one, waited for at most <paramref name="wait"/> when an older draft can be shown meanwhile.
    /// </summary>
    internal async Task<(SnapshotHeader Header, DraftState State)> HeaderAsync(int campaignId, TimeSpan wait, CancellationToken cancellationToken)
    {
        var readAt = clock.GetUtcNow().UtcDateTime;
        var stamp = await StampAsync(campaignId, cancellationToken);
        var header = await snapshots.ReadHeaderAsync(campaignId, draft: true, cancellationToken);
        if (header is not null && header.InputsStamp == stamp)
        {
            return (header, new DraftState(header.CreatedAt, Updating: false));
        }

        if (db.Database.CurrentTransaction is not null)
        {
            // The caller holds a transaction (the CLI runs each command in one): compute in its context, as a
            // second connection would wait for the caller's lock on SQLite; the draft commits with the caller.
            await ComputeAsync(campaignId, cancellationToken);
            header = await ReadDraftAsync(campaignId, cancellationToken);
            return (header, new DraftState(header.CreatedAt, Updating: Older(header, stamp, readAt)));
        }

        var computing = refresher.RefreshAsync(campaignId);
        if (header is null || wait == Timeout.InfiniteTimeSpan)
        {
            await computing.WaitAsync(cancellationToken);
        }
        else if (!await Finished(computing, wait, cancellationToken))
        {
            return (header, new DraftState(header.CreatedAt, Updating: true));
        }

        header = await ReadDraftAsync(campaignId, cancellationToken);
        // A computation that was already running when this read began may predate a change this read saw.
        if (Older(header, stamp, readAt))
        {
            if (wait != Timeout.InfiniteTimeSpan)
            {
                _ = refresher.RefreshAsync(campaignId);
                return (header, new DraftState(header.CreatedAt, Updating: true));
            }

            // Once more at most: data that keeps changing (autosaves) must not hold a download forever.
            await refresher.RefreshAsync(campaignId).WaitAsync(cancellationToken);
            header = await ReadDraftAsync(campaignId, cancellationToken);
        }

        return (header, new DraftState(header.CreatedAt, Updating: Older(header, stamp, readAt)));
    }

    private static bool Older(SnapshotHeader header, string stamp, DateTime readAt) => header.InputsStamp != stamp && header.CreatedAt < readAt;

    private async Task<SnapshotHeader> ReadDraftAsync(int campaignId, CancellationToken cancellationToken) =>
        await snapshots.ReadHeaderAsync(campaignId, draft: true, cancellationToken)
            ?? throw new InvalidOperationException($"The draft results of campaign {campaignId} were not stored.");

    private static async Task<bool> Finished(Task computing, TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await computing.WaitAsync(wait, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Reads the stamp, then computes and stores the draft (in the refresher's own scope).</summary>
    internal async Task ComputeAsync(int campaignId, CancellationToken cancellationToken)
    {
        // The moment and the key are taken before the data is read: the draft holds at least what the key covers.
        var asOf = clock.GetUtcNow().UtcDateTime;
        var stamp = await StampAsync(campaignId, cancellationToken);
        await snapshots.StoreDraftAsync(campaignId, stamp, asOf, cancellationToken);
    }
}
