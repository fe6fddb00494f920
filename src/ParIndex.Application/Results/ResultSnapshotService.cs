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
public sealed record SnapshotHeader(long SnapshotId, int Version, string ETag, CampaignResults Summary, IReadOnlyDictionary<string, int> PeerGroups);

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
        db.ResultSnapshots.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .OrderByDescending(s => s.Version).Select(s => s.ContentHash).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Computes the published results of a campaign and stores them as its next version.</summary>
    /// <returns>The new snapshot's id.</returns>
    public async Task<long> StoreAsync(int campaignId, string userName, CancellationToken cancellationToken)
    {
        var (campaign, cards) = await results.AllCardsAsync(campaignId, publicOnly: true, cancellationToken);
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
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var version = (await db.ResultSnapshots.Where(s => s.CampaignId == campaignId).MaxAsync(s => (int?)s.Version, cancellationToken) ?? 0) + 1;
            var snapshot = new ResultSnapshot
            {
                CampaignId = campaignId,
                Version = version,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                CreatedBy = userName,
                SummaryJson = summaryJson,
                PeerGroupsJson = groupsJson,
                // The version is part of the tag: a re-publication with equal figures is still a new version.
                ContentHash = contentHash[..40] + "-" + version.ToString(System.Globalization.CultureInfo.InvariantCulture),
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
        if (await ReadHeaderAsync(campaignId, cancellationToken) is { } header)
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

        return await ReadHeaderAsync(campaignId, cancellationToken)
            ?? throw DomainException.NotFound($"Kỳ đánh giá số {campaignId} chưa công bố kết quả.", $"Campaign number {campaignId} has not published its results.");
    }

    private async Task<SnapshotHeader?> ReadHeaderAsync(int campaignId, CancellationToken cancellationToken)
    {
        var row = await db.ResultSnapshots.AsNoTracking().Where(s => s.CampaignId == campaignId)
            .OrderByDescending(s => s.Version)
            .Select(s => new { s.Id, s.Version, s.ContentHash, s.SummaryJson, s.PeerGroupsJson })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new SnapshotHeader(row.Id, row.Version, "\"" + row.ContentHash + "\"",
                JsonSerializer.Deserialize<CampaignResults>(row.SummaryJson, Json)!,
                JsonSerializer.Deserialize<Dictionary<string, int>>(row.PeerGroupsJson, Json)!);
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
        var rows = await db.ResultSnapshotUnits.AsNoTracking().Where(u => u.SnapshotId == header.SnapshotId).OrderBy(u => u.Position)
            .Select(u => u.RowJson).ToListAsync(cancellationToken);
        return (header.Summary with { Units = rows.Select(r => JsonSerializer.Deserialize<UnitResult>(r, Json)!).ToList() }, header);
    }

    /// <summary>A unit's published score card; its campaign part carries the summary and this unit's line only.</summary>
    public async Task<StoredScoreCard> CardAsync(int campaignId, int unitId, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(campaignId, cancellationToken);
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
        var (campaign, header) = await CampaignAsync(campaignId, cancellationToken);
        var sipas = await db.ResultSnapshotUnits.AsNoTracking().Where(u => u.SnapshotId == header.SnapshotId)
            .Select(u => new { u.UnitId, u.OverallSipas }).ToDictionaryAsync(u => u.UnitId, u => u.OverallSipas, cancellationToken);
        return (new ResultsExportDocument(ResultsExport.FormatVersion, true, null, campaign,
            campaign.Units.Select(u => new UnitSipas(u.UnitId, u.UnitCode, sipas.GetValueOrDefault(u.UnitId))).ToList()), header);
    }

    /// <summary>"Tỉnh Bắc Giang" → "tinh-bac-giang": the search key of names and queries.</summary>
    public static string SearchKey(string text) => AsciiSlug.Of(text);
}
