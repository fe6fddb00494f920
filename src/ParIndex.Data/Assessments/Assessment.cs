using ParIndex.Core.Workflow;
using ParIndex.Data.Campaigns;
using ParIndex.Data.Units;

namespace ParIndex.Data.Assessments;

/// <summary>One unit's assessment in one campaign: its status and its leaf entries.</summary>
public sealed class Assessment
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public int UnitId { get; set; }

    public Unit? Unit { get; set; }

    public AssessmentStatus Status { get; set; } = AssessmentStatus.Draft;

    /// <summary>A per-unit exception to the campaign's self-assessment deadline (UTC), set by the coordinator.</summary>
    public DateTime? DeadlineException { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    /// <summary>Optimistic concurrency token: incremented on every status change.</summary>
    public int Version { get; set; }

    public List<LeafEntry> Entries { get; set; } = [];

    public List<Assignment> Assignments { get; set; } = [];
}
