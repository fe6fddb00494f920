using ParIndex.Data.Campaigns;
using ParIndex.Data.Units;

namespace ParIndex.Data.Appraisal;

/// <summary>
/// Gives an appraiser a unit, a field (code prefix), or both, in one campaign. A campaign without
/// any assignment lets every appraiser appraise everything (a small council working together).
/// </summary>
public sealed class AppraiserAssignment
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public required string UserName { get; set; }

    /// <summary>The assessed unit; null: every unit of the campaign.</summary>
    public int? UnitId { get; set; }

    public Unit? Unit { get; set; }

    /// <summary>A framework code such as <c>2</c> or <c>3.4</c>; null: every criterion.</summary>
    public string? CodePrefix { get; set; }

    public bool Covers(int unitId, string leafCode) =>
        (UnitId is null || UnitId == unitId)
        && (CodePrefix is null || leafCode == CodePrefix || leafCode.StartsWith(CodePrefix + ".", StringComparison.Ordinal));
}
