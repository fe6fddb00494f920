using ParIndex.Core.Workflow;

namespace ParIndex.Application.Campaigns;

/// <summary>What the dashboard's table is sorted by.</summary>
public enum DashboardSort
{
    Unit,
    Code,
    State,
    Scored,
    Points,
    MissingEvidence,
    Assignments,
    Deadline,
    Overdue,
}

/// <summary>
/// Filter, order and page of the campaign dashboard. Every field is optional; the export uses the
/// same query without the page, so the file holds what the table shows.
/// </summary>
/// <param name="Search">Part of the unit's name or code (any case).</param>
/// <param name="State">Only units in this assessment state.</param>
/// <param name="Kind">Only units of this type (<c>Unit.Kind</c> key).</param>
/// <param name="OverdueOnly">Only units past their deadline in a step that is theirs.</param>
/// <param name="MissingEvidenceOnly">Only units with at least one leaf claiming points without evidence.</param>
public sealed record DashboardQuery(
    string? Search = null,
    AssessmentStatus? State = null,
    string? Kind = null,
    bool OverdueOnly = false,
    bool MissingEvidenceOnly = false,
    DashboardSort Sort = DashboardSort.Unit,
    bool Descending = false,
    int Page = 1,
    int PageSize = CampaignDashboard.DefaultPageSize);

/// <summary>One unit of the campaign as its coordinator follows it.</summary>
/// <param name="LeavesToScore">Leaves the unit scores itself (every leaf but the survey's).</param>
/// <param name="LeavesScored">Of those, leaves with points or marked not applicable.</param>
/// <param name="ScoredPercent">LeavesScored / LeavesToScore × 100, two decimals.</param>
/// <param name="Points">The points counted so far over the self-scored leaves (final, else appraised, else self), survey points added once imported.</param>
/// <param name="MissingEvidence">Leaves claiming points (above 0) with no evidence file.</param>
/// <param name="Assignments">Criteria given to contributing agencies.</param>
/// <param name="AssignmentsFinished">Of those, assignments whose every leaf is scored.</param>
/// <param name="Deadline">The deadline of the unit's current step: its own exception, else the campaign's self-assessment deadline; the response deadline once the preliminary result is sent.</param>
/// <param name="HasException">The deadline is the unit's own exception.</param>
/// <param name="Overdue">The deadline has passed and the step is still the unit's (draft, or preliminary result unanswered).</param>
public sealed record DashboardRow(
    int AssessmentId, int UnitId, string UnitCode, string UnitName, string UnitKind, AssessmentStatus State,
    int LeavesToScore, int LeavesScored, decimal ScoredPercent, decimal Points, int MissingEvidence,
    int Assignments, int AssignmentsFinished, DateTime? Deadline, bool HasException, bool Overdue);

/// <summary>The whole campaign, whatever the filter.</summary>
public sealed record DashboardTotals(
    int Units, IReadOnlyDictionary<AssessmentStatus, int> States, int LeavesToScore, int LeavesScored, decimal ScoredPercent,
    int MissingEvidence, int Assignments, int AssignmentsFinished, int Overdue, int WithException);

/// <summary>The dashboard: the campaign, its totals, and one page of the filtered, sorted units.</summary>
/// <param name="Matching">Units that pass the filter (all pages).</param>
public sealed record CampaignDashboardView(
    int CampaignId, string Name, int Year, string FrameworkTitle, DateTime? SelfAssessmentDeadline, DateTime? ResponseDeadline,
    DateTime? PublishedAt, bool IsSample, DateTime AsOf, DashboardTotals Totals, DashboardQuery Query, int Matching, IReadOnlyList<DashboardRow> Rows)
{
    public int Pages => Math.Max(1, (Matching + Query.PageSize - 1) / Query.PageSize);
}
