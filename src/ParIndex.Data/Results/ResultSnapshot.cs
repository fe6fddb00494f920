namespace ParIndex.Data.Results;

/// <summary>
/// One stored version of a campaign's published results (ADR 0133): computed once by the results
/// code at publication and never changed; a re-publication adds the next version. The public pages,
/// score cards and downloads read the newest version instead of recomputing the campaign.
/// </summary>
public sealed class ResultSnapshot
{
    public long Id { get; set; }

    public int CampaignId { get; set; }

    /// <summary>1, 2, … per campaign; the newest is served. A draft is always version 0 (one per campaign, by the unique index).</summary>
    public int Version { get; set; }

    /// <summary>
    /// The staff results of the current data (ADR 0144), never a published version: public readers
    /// and the version numbering leave it out.
    /// </summary>
    public bool IsDraft { get; set; }

    /// <summary>A draft's freshness key: the stamp of the data it was computed from (null for a published version).</summary>
    public string? InputsStamp { get; set; }

    /// <summary>When it was stored; for a draft, the moment its data was read (the results are "as of" this time).</summary>
    public DateTime CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    /// <summary>The campaign's results (JSON, the web API's shape) without the unit rows, which are in <see cref="ResultSnapshotUnit"/>.</summary>
    public required string SummaryJson { get; set; }

    /// <summary>The number of units per peer group (JSON object), for "rank n of m" and the page counts.</summary>
    public required string PeerGroupsJson { get; set; }

    /// <summary>A hash of the content: the HTTP entity tag of everything served from this version.</summary>
    public required string ContentHash { get; set; }

    public List<ResultSnapshotUnit> Units { get; set; } = [];
}

/// <summary>One unit's line and score card in a <see cref="ResultSnapshot"/>, with the columns a ranking page filters and pages by.</summary>
public sealed class ResultSnapshotUnit
{
    public long Id { get; set; }

    public long SnapshotId { get; set; }

    public ResultSnapshot? Snapshot { get; set; }

    public int UnitId { get; set; }

    /// <summary>The position in the ranking's order (peer group, rank, name), from 0.</summary>
    public int Position { get; set; }

    public required string PeerGroup { get; set; }

    public int Rank { get; set; }

    public required string UnitCode { get; set; }

    public required string UnitName { get; set; }

    /// <summary>The unit's name folded for search (lower case, no diacritics).</summary>
    public required string SearchName { get; set; }

    /// <summary>The overall SIPAS of the unit (percent), as the export carries it.</summary>
    public decimal? OverallSipas { get; set; }

    /// <summary>The ranking line (JSON of the results code's unit result).</summary>
    public required string RowJson { get; set; }

    /// <summary>The score card (JSON of the results code's card, its campaign part left out).</summary>
    public required string CardJson { get; set; }
}
