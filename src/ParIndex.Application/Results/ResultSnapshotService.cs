using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.Text;
using ParIndex.Data;
using ParIndex.Data.Bulk;
using ParIndex.Data.Results;

namespace ParIndex.Application.Results;

/// <summary>The newest stored results of a published campaign, without its unit rows.</summary>
/// <param name="ETag">The HTTP entity tag (quoted) of everything served from this version.</param>
public sealed record SnapshotHeader(long SnapshotId, int Version, string ETag, CampaignResults Summary, IReadOnlyDictionary<string, int> PeerGroups)
{
    /// <summary>A draft's freshness key (ADR 0144); null for a published version.</summary>
    public string? InputsStamp { get; init; }

    /// <summary>When it was stored; a draft's results are as of this moment.</summary>
    public DateTime CreatedAt { get; init; }
}

/// <summary>One page of one peer group's ranking.</summary>
public sealed record RankingPage(SnapshotHeader Snapshot, string PeerGroup, string? Search, int Page, int PageSize, int Total, IReadOnlyList<UnitResult> Units)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>A stored score card with the size of its peer group ("rank n of m").</summary>
public sealed record StoredScoreCard(UnitScoreCard Card, int PeerGroupSize, string ETag);

/// <summary>
/// Published results as stored snapshots (ADR 0133). <see cref="StoreAsync"/> runs the results code
/// (<see cref="ResultsService.AllCardsAsync"/>) once and stores what it returns — the campaign's
/// summary, each unit's ranking line and score card as JSON — as a new immutable version; the
/// public pages, API and downloads read the newest version, a page of rows at a time. What the
/// results contain is decided by the results code only, so its changes flow into new snapshots.
/// A published campaign without a snapshot (published before snapshots existed) gets one on its
/// first public read.
/// </summary>
public sealed class ResultSnapshotService(ParIndexDbContext db, ResultsService results, IBulkRowWriter bulk, TimeProvider clock) : IPublicationListener
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 500;
    public const int MaxSearchLength = 100;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] UnitColumns =
        ["SnapshotId", "UnitId", "Position", "PeerGroup", "Rank", "UnitCode", "UnitName", "SearchName", "OverallSipas", "RowJson", "CardJson"];

    async Task IPublicationListener.PublishedAsync(int campaignId, string userName, CancellationToken cancellationToken) =>
        await StoreAsync(campaignId, userName, cancellationToken);

    /// <summary>The content hash of the campaign's newest snapshot (the public pages' entity tag), or null before the first.</summary>
    public Task<string?> NewestHashAsync(int campaignId, CancellationToken cancellationToken) =>
        db.ResultSnapshots.AsNoTracking().Where(s => s.CampaignId == campaignId && !s.IsDraft)
            .OrderByDescending(s => s.Version).Select(s => s.ContentHash).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Computes the published results of a campaign and stores them as its next version.</summary>
    /// <returns>The new snapshot's id.</returns>
    public async Task<long> StoreAsync(int campaignId, string userName, CancellationToken cancellationToken)
    {
        var (campaign, cards) = await results.AllCardsAsync(campaignId, publicOnly: true, cancellationToken);
        return (await WriteAsync(campaignId, campaign, cards, draftStamp: null, userName, clock.GetUtcNow().UtcDateTime, cancellationToken))!.Value;
    }

    /// <summary>
    /// Computes the staff results of a campaign (every assessment, whatever its state) and stores them
    /// as its draft (ADR 0144), replacing an older draft; a draft read later than <paramref name="asOf"/>
    /// stays and nothing is stored.
    /// </summary>
    /// <param name="stamp">The freshness key of the data, read before the computation read the data.</param>
    /// <param name="asOf">When the stamp was read: the results include every change committed before.</param>
    /// <returns>The draft's id, or null when a newer draft was stored meanwhile.</returns>
    internal async Task<long?> StoreDraftAsync(int campaignId, string stamp, DateTime asOf, CancellationToken cancellationToken)
    {
        var (campaign, cards) = await results.AllCardsAsync(campaignId, publicOnly: false, cancellationToken);
        try
        {
            return await WriteAsync(campaignId, campaign, cards, stamp, "system", asOf, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance stored a draft of the campaign at the same moment (the unique version 0): keep that one.
            db.ChangeTracker.Clear();
            return null;
        }
    }

    private async Task<long?> WriteAsync(int campaignId, CampaignResults campaign, IReadOnlyList<UnitScoreCard> cards, string? draftStamp,
        string userName, DateTime createdAt, CancellationToken cancellationToken)
    {
        var summary = campaign with { Units = [] };
        var summaryJson = JsonSerializer.Serialize(summary, Json);
        var groups = campaign.Units.GroupBy(u => u.PeerGroup).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var groupsJson = JsonSerializer.Serialize(groups, Json);
        var rows = cards.Select((card, position) => (Card: card, Position: position,
                Row: JsonSerializer.Serialize(card.Unit, Json),
                // The campaign and the unit line are stored once (summary, row), not in every card.
                CardText: JsonSerializer.Serialize(card with { Campaign = null!, Unit = null! }, Json)))
            .ToList();

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(summaryJson));
        foreach (var row in rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(row.Row));
            hash.AppendData(Encoding.UTF8.GetBytes(row.CardText));
        }

        var contentHash = Convert.ToHexStringLower(hash.GetHashAndReset());
        var draft = draftStamp is not null;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            int version;
            if (draft)
            {
                if (await db.ResultSnapshots.AnyAsync(s => s.CampaignId == campaignId && s.IsDraft && s.CreatedAt > createdAt, cancellationToken))
                {
                    return null;
                }

                // The older draft and its rows go (cascade); version 0 is the draft's, one per campaign.
                await db.ResultSnapshots.Where(s => s.CampaignId == campaignId && s.IsDraft).ExecuteDeleteAsync(cancellationToken);
                version = 0;
            }
            else
            {
                version = (await db.ResultSnapshots.Where(s => s.CampaignId == campaignId && !s.IsDraft).MaxAsync(s => (int?)s.Version, cancellationToken) ?? 0) + 1;
            }

            var snapshot = new ResultSnapshot
            {
                CampaignId = campaignId,
                Version = version,
                IsDraft = draft,
                InputsStamp = draftStamp,
                CreatedAt = createdAt,
                CreatedBy = userName,
                SummaryJson = summaryJson,
                PeerGroupsJson = groupsJson,
                // The version is part of the tag: a re-publication with equal figures is still a new version.
                ContentHash = contentHash[..40] + "-" + (draft ? "d" : version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            db.ResultSnapshots.Add(snapshot);
            await db.SaveChangesAsync(cancellationToken);
            await bulk.WriteAsync(db, "ResultSnapshotUnits", UnitColumns, rows.Select(r => new object?[]
            {
                snapshot.Id, r.Card.Unit.UnitId, r.Position, r.Card.Unit.PeerGroup, r.Card.Unit.Rank, r.Card.Unit.UnitCode, r.Card.Unit.UnitName,
                SearchKey(r.Card.Unit.UnitName), r.Card.OverallSipas, r.Row, r.CardText,
            }), cancellationToken);
            db.Entry(snapshot).State = EntityState.Detached;
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return snapshot.Id;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>The newest snapshot of a published campaign (stored now if it has none); not found for anything unpublished.</summary>
    public async Task<SnapshotHeader> HeaderAsync(int campaignId, CancellationToken cancellationToken)
    {
        if (await ReadHeaderAsync(campaignId, draft: false, cancellationToken) is { } header)
        {
            return header;
        }

        // Throws the public "not published" answer for a campaign that is not.
        try
        {
            await StoreAsync(campaignId, "system", cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request stored the first version at the same moment: read that one.
            db.ChangeTracker.Clear();
        }

        return await ReadHeaderAsync(campaignId, draft: false, cancellationToken)
            ?? throw DomainException.NotFound($"Kỳ đánh giá số {campaignId} chưa công bố kết quả.", $"Campaign number {campaignId} has not published its results.");
    }

    /// <summary>The newest published version, or the draft (never one for the other): the only place snapshots are chosen.</summary>
    internal async Task<SnapshotHeader?> ReadHeaderAsync(int campaignId, bool draft, CancellationToken cancellationToken)
    {
        var row = await db.ResultSnapshots.AsNoTracking().Where(s => s.CampaignId == campaignId && s.IsDraft == draft)
            .OrderByDescending(s => s.Version)
            .Select(s => new { s.Id, s.Version, s.ContentHash, s.SummaryJson, s.PeerGroupsJson, s.InputsStamp, s.CreatedAt })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new SnapshotHeader(row.Id, row.Version, "\"" + row.ContentHash + "\"",
                JsonSerializer.Deserialize<CampaignResults>(row.SummaryJson, Json)!,
                JsonSerializer.Deserialize<Dictionary<string, int>>(row.PeerGroupsJson, Json)!)
            {
                InputsStamp = row.InputsStamp,
                CreatedAt = DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc),
            };
    }

    /// <summary>
    /// One page of a peer group's ranking (the first group in ranking order when none is named),
    /// filtered by a search in unit names and codes (diacritics and case ignored).
    /// </summary>
    public async Task<RankingPage> RankingAsync(int campaignId, string? peerGroup, string? search, int page, int pageSize, CancellationToken cancellationToken) =>
        await RankingAsync(await HeaderAsync(campaignId, cancellationToken), peerGroup, search, page, pageSize, cancellationToken);

    /// <summary>A page of the ranking of an already read snapshot (a page showing several groups reads the header once).</summary>
    public async Task<RankingPage> RankingAsync(SnapshotHeader header, string? peerGroup, string? search, int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var group = peerGroup is not null && header.PeerGroups.ContainsKey(peerGroup)
            ? peerGroup
            : await db.ResultSnapshotUnits.Where(u => u.SnapshotId == header.SnapshotId).OrderBy(u => u.Position).Select(u => u.PeerGroup).FirstOrDefaultAsync(cancellationToken) ?? "";
        var query = db.ResultSnapshotUnits.AsNoTracking().Where(u => u.SnapshotId == header.SnapshotId && u.PeerGroup == group);
        var key = search is null ? "" : SearchKey(search.Length > MaxSearchLength ? search[..MaxSearchLength] : search);
        if (key.Length > 0)
        {
            var code = search!.Trim().ToUpperInvariant();
            query = query.Where(u => u.SearchName.Contains(key) || u.UnitCode == code);
        }

        var total = key.Length > 0 ? await query.CountAsync(cancellationToken) : header.PeerGroups.GetValueOrDefault(group);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await query.OrderBy(u => u.Position).Skip((page - 1) * pageSize).Take(pageSize).Select(u => u.RowJson).ToListAsync(cancellationToken);
        return new RankingPage(header, group, key.Length > 0 ? search : null, page, pageSize, total,
            rows.Select(r => JsonSerializer.Deserialize<UnitResult>(r, Json)!).ToList());
    }

    /// <summary>The whole published results, as <see cref="ResultsService.CampaignAsync"/> returns them for the public.</summary>
    public async Task<(CampaignResults Results, SnapshotHeader Header)> CampaignAsync(int campaignId, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(campaignId, cancellationToken);
        return (await CampaignAsync(header, cancellationToken), header);
    }

    /// <summary>The whole results of a read snapshot (published or draft).</summary>
    internal async Task<CampaignResults> CampaignAsync(SnapshotHeader header, CancellationToken cancellationToken)
    {
        var rows = await db.ResultSnapshotUnits.AsNoTracking().Where(u => u.SnapshotId == header.SnapshotId).OrderBy(u => u.Position)
            .Select(u => u.RowJson).ToListAsync(cancellationToken);
        return header.Summary with { Units = rows.Select(r => JsonSerializer.Deserialize<UnitResult>(r, Json)!).ToList() };
    }

    /// <summary>A unit's published score card; its campaign part carries the summary and this unit's line only.</summary>
    public async Task<StoredScoreCard> CardAsync(int campaignId, int unitId, CancellationToken cancellationToken) =>
        await CardAsync(await HeaderAsync(campaignId, cancellationToken), unitId, cancellationToken);

    /// <summary>The ranking lines of the given units in a read snapshot (those it has).</summary>
    internal async Task<IReadOnlyList<UnitResult>> LinesAsync(SnapshotHeader header, IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        var rows = await db.ResultSnapshotUnits.AsNoTracking().Where(u => u.SnapshotId == header.SnapshotId && unitIds.Contains(u.UnitId))
            .Select(u => u.RowJson).ToListAsync(cancellationToken);
        return rows.Select(r => JsonSerializer.Deserialize<UnitResult>(r, Json)!).ToList();
    }

    /// <summary>A unit's score card in a read snapshot (published or draft).</summary>
    internal async Task<StoredScoreCard> CardAsync(SnapshotHeader header, int unitId, CancellationToken cancellationToken)
    {
        var row = await db.ResultSnapshotUnits.AsNoTracking().Where(u => u.SnapshotId == header.SnapshotId && u.UnitId == unitId)
            .Select(u => new { u.RowJson, u.CardJson }).FirstOrDefaultAsync(cancellationToken)
            ?? throw DomainException.NotFound($"Đơn vị số {unitId} không có trong kết quả của kỳ đánh giá này.", $"Unit number {unitId} is not in the results of this campaign.");
        var unit = JsonSerializer.Deserialize<UnitResult>(row.RowJson, Json)!;
        var card = JsonSerializer.Deserialize<UnitScoreCard>(row.CardJson, Json)! with { Unit = unit, Campaign = header.Summary with { Units = [unit] } };
        return new StoredScoreCard(card, header.PeerGroups.GetValueOrDefault(unit.PeerGroup), header.ETag);
    }

    /// <summary>The public export document of the newest snapshot (the same content as <see cref="ResultsExport.DocumentAsync"/>).</summary>
    public async Task<(ResultsExportDocument Document, SnapshotHeader Header)> ExportDocumentAsync(int campaignId, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(campaignId, cancellationToken);
        return (await ExportDocumentAsync(header, await CampaignAsync(header, cancellationToken), cancellationToken), header);
    }

    /// <summary>The export document of a read snapshot and its results; an unpublished campaign's says so.</summary>
    internal async Task<ResultsExportDocument> ExportDocumentAsync(SnapshotHeader header, CampaignResults campaign, CancellationToken cancellationToken)
    {
        var sipas = await db.ResultSnapshotUnits.AsNoTracking().Where(u => u.SnapshotId == header.SnapshotId)
            .Select(u => new { u.UnitId, u.OverallSipas }).ToDictionaryAsync(u => u.UnitId, u => u.OverallSipas, cancellationToken);
        var published = campaign.PublishedAt is not null;
        return new ResultsExportDocument(ResultsExport.FormatVersion, published, published ? null : ResultsExport.UnpublishedNotice, campaign,
            campaign.Units.Select(u => new UnitSipas(u.UnitId, u.UnitCode, sipas.GetValueOrDefault(u.UnitId))).ToList());
    }

    /// <summary>"Tỉnh Bắc Giang" → "tinh-bac-giang": the search key of names and queries.</summary>
    public static string SearchKey(string text) => AsciiSlug.Of(text);
}
