using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Core.Workflow;
using ParIndex.Data;

namespace ParIndex.Application.Campaigns;

/// <summary>
/// The coordinator's campaign dashboard (ADR 0129): per unit its state, share of leaves scored,
/// points so far, leaves claiming points without evidence, contributing assignments finished, the
/// deadline of its current step and whether it is overdue; totals for the campaign.
/// <para>
/// A national campaign has ≈11 000 units and ≈1 million leaf entries, so the figures come from a
/// fixed number of grouped queries (units, entries per assessment, scored entries per assignment),
/// never a query per unit; the ≈11 000 summary rows are then filtered, sorted and paged in memory,
/// where every sort key (including the computed ones) is at hand.
/// </para>
/// </summary>
public sealed class CampaignDashboard(ParIndexDbContext db, FrameworkCache frameworks, TimeProvider clock)
{
    public const int DefaultPageSize = 50;

    /// <summary>The largest page a request may ask for (the export takes every row, unpaged).</summary>
    public const int MaxPageSize = 500;

    /// <summary>One page of the dashboard.</summary>
    public async Task<CampaignDashboardView> GetAsync(int campaignId, DashboardQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var page = Math.Max(1, query.Page);
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var (view, matching) = await ComputeAsync(campaignId, query with { Page = page, PageSize = size }, cancellationToken);
        var pages = Math.Max(1, (matching.Count + size - 1) / size);
        page = Math.Min(page, pages);
        return view with { Query = view.Query with { Page = page }, Rows = matching.Skip((page - 1) * size).Take(size).ToList() };
    }

    /// <summary>Every row that passes the filter, in the query's order (for the export).</summary>
    public async Task<CampaignDashboardView> AllAsync(int campaignId, DashboardQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (view, matching) = await ComputeAsync(campaignId, query with { Page = 1, PageSize = MaxPageSize }, cancellationToken);
        return view with { Rows = matching };
    }

    private async Task<(CampaignDashboardView View, List<DashboardRow> Matching)> ComputeAsync(int campaignId, DashboardQuery query, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Framework).SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken)
            ?? throw DomainException.NotFound($"Không có kỳ đánh giá số {campaignId}.", $"There is no campaign number {campaignId}.");
        var framework = frameworks.Get(campaign.Framework!);
        var selfLeaves = framework.Leaves().Where(l => !l.IsSurvey).Select(l => l.Code).ToList();
        var surveyLeaves = framework.Leaves().Where(l => l.IsSurvey).Select(l => l.Code).ToList();
        var now = clock.GetUtcNow().UtcDateTime;

        var units = await db.Assessments.AsNoTracking().Where(a => a.CampaignId == campaignId)
            .Select(a => new { a.Id, a.UnitId, a.Unit!.Code, a.Unit.Name, a.Unit.Kind, a.Status, a.DeadlineException })
            .ToListAsync(cancellationToken);

        var entries = db.LeafEntries.AsNoTracking().Where(e => e.Assessment!.CampaignId == campaignId);
        var perAssessment = (await entries
                .GroupBy(e => e.AssessmentId)
                .Select(g => new
                {
                    AssessmentId = g.Key,
                    Scored = g.Count(e => selfLeaves.Contains(e.LeafCode) && (e.NotApplicable || e.Points != null)),
                    // What counts (SPEC 2.4, ScorePrecedence): final, else appraised, else self; survey leaves their survey score.
                    Counted = g.Where(e => !e.NotApplicable && selfLeaves.Contains(e.LeafCode)).Sum(e => e.FinalScore ?? e.AppraisedScore ?? e.Points ?? 0m),
                    Survey = g.Where(e => !e.NotApplicable && surveyLeaves.Contains(e.LeafCode)).Sum(e => e.SurveyScore ?? 0m),
                    MissingEvidence = g.Count(e => !e.NotApplicable && e.Points > 0m && selfLeaves.Contains(e.LeafCode) && e.Evidence.Count == 0),
                })
                .ToListAsync(cancellationToken))
            .ToDictionary(x => x.AssessmentId);

        // Assignments are few (a handful per unit); the scored leaves under each come from one join.
        var assignments = await db.Assignments.AsNoTracking().Where(x => x.Assessment!.CampaignId == campaignId)
            .Select(x => new { x.Id, x.AssessmentId, x.CodePrefix }).ToListAsync(cancellationToken);
        var scoredPerAssignment = await (
                from x in db.Assignments.Where(x => x.Assessment!.CampaignId == campaignId)
                join e in db.LeafEntries on x.AssessmentId equals e.AssessmentId
                where (e.NotApplicable || e.Points != null) && selfLeaves.Contains(e.LeafCode)
                      && (e.LeafCode == x.CodePrefix || e.LeafCode.StartsWith(x.CodePrefix + "."))
                group e by x.Id into g
                select new { AssignmentId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.AssignmentId, x => x.Count, cancellationToken);
        var leavesUnder = assignments.Select(a => a.CodePrefix).Distinct(StringComparer.Ordinal)
            .ToDictionary(p => p, p => selfLeaves.Count(code => code == p || code.StartsWith(p + ".", StringComparison.Ordinal)), StringComparer.Ordinal);
        var assignmentsOf = assignments.ToLookup(a => a.AssessmentId);

        var rows = units.Select(u =>
        {
            var figures = perAssessment.GetValueOrDefault(u.Id);
            var scored = figures?.Scored ?? 0;
            var own = assignmentsOf[u.Id].ToList();
            var finished = own.Count(a => scoredPerAssignment.GetValueOrDefault(a.Id) >= leavesUnder[a.CodePrefix]);
            var (deadline, exception) = DeadlineOf(u.Status, u.DeadlineException, campaign.SelfAssessmentDeadline, campaign.ResponseDeadline);
            var overdue = deadline is { } d && d < now && campaign.PublishedAt is null;
            return new DashboardRow(u.Id, u.UnitId, u.Code, u.Name, u.Kind, u.Status, selfLeaves.Count, scored, Percent(scored, selfLeaves.Count),
                (figures?.Counted ?? 0m) + (figures?.Survey ?? 0m), figures?.MissingEvidence ?? 0, own.Count, finished, deadline, exception, overdue);
        }).ToList();

        var totals = new DashboardTotals(
            rows.Count,
            rows.GroupBy(r => r.State).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            rows.Sum(r => r.LeavesToScore),
            rows.Sum(r => r.LeavesScored),
            Percent(rows.Sum(r => r.LeavesScored), rows.Sum(r => r.LeavesToScore)),
            rows.Sum(r => r.MissingEvidence),
            rows.Sum(r => r.Assignments),
            rows.Sum(r => r.AssignmentsFinished),
            rows.Count(r => r.Overdue),
            rows.Count(r => r.HasException));

        var matching = Order(Filter(rows, query), query).ToList();
        var view = new CampaignDashboardView(campaign.Id, campaign.Name, campaign.Year, campaign.Framework!.Title, campaign.SelfAssessmentDeadline,
            campaign.ResponseDeadline, campaign.PublishedAt, campaign.IsSample, now, totals, query, matching.Count, []);
        return (view, matching);
    }

    /// <summary>
    /// The deadline of the step that is the unit's: the self-assessment (its exception, else the
    /// campaign's) while in draft; the response deadline while the preliminary result waits for an
    /// answer; none in the appraisers' steps.
    /// </summary>
    internal static (DateTime? Deadline, bool IsException) DeadlineOf(AssessmentStatus status, DateTime? exception, DateTime? selfAssessment, DateTime? response) => status switch
    {
        AssessmentStatus.Draft => exception is not null ? (exception, true) : (selfAssessment, false),
        AssessmentStatus.PreliminarySent => (response, false),
        _ => (null, false),
    };

    private static decimal Percent(int part, int whole) => whole == 0 ? 0m : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    private static IEnumerable<DashboardRow> Filter(IEnumerable<DashboardRow> rows, DashboardQuery query)
    {
        var search = query.Search?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            rows = rows.Where(r => r.UnitName.Contains(search, StringComparison.CurrentCultureIgnoreCase)
                || r.UnitCode.Contains(search, StringComparison.OrdinalIgnoreCase));
        }

        if (query.State is { } state)
        {
            rows = rows.Where(r => r.State == state);
        }

        if (!string.IsNullOrEmpty(query.Kind))
        {
            rows = rows.Where(r => r.UnitKind == query.Kind);
        }

        if (query.OverdueOnly)
        {
            rows = rows.Where(r => r.Overdue);
        }

        if (query.MissingEvidenceOnly)
        {
            rows = rows.Where(r => r.MissingEvidence > 0);
        }

        return rows;
    }

    private static IEnumerable<DashboardRow> Order(IEnumerable<DashboardRow> rows, DashboardQuery query)
    {
        var names = StringComparer.Create(ParIndex.Core.Numbers.VietnameseNumbers.Culture, ignoreCase: true);
        IOrderedEnumerable<DashboardRow> ordered = query.Sort switch
        {
            DashboardSort.Code => By(rows, r => r.UnitCode, StringComparer.Ordinal, query.Descending),
            DashboardSort.State => By(rows, r => r.State, Comparer<AssessmentStatus>.Default, query.Descending),
            DashboardSort.Scored => By(rows, r => r.ScoredPercent, Comparer<decimal>.Default, query.Descending),
            DashboardSort.Points => By(rows, r => r.Points, Comparer<decimal>.Default, query.Descending),
            DashboardSort.MissingEvidence => By(rows, r => r.MissingEvidence, Comparer<int>.Default, query.Descending),
            DashboardSort.Assignments => By(rows, r => r.Assignments - r.AssignmentsFinished, Comparer<int>.Default, query.Descending),
            // Units without a deadline in their step go last either way.
            DashboardSort.Deadline => query.Descending
                ? rows.OrderBy(r => r.Deadline is null).ThenByDescending(r => r.Deadline)
                : rows.OrderBy(r => r.Deadline is null).ThenBy(r => r.Deadline),
            DashboardSort.Overdue => By(rows, r => r.Overdue, Comparer<bool>.Default, !query.Descending),
            _ => By(rows, r => r.UnitName, names, query.Descending),
        };
        return ordered.ThenBy(r => r.UnitName, names).ThenBy(r => r.AssessmentId);
    }

    private static IOrderedEnumerable<DashboardRow> By<TKey>(IEnumerable<DashboardRow> rows, Func<DashboardRow, TKey> key, IComparer<TKey> comparer, bool descending) =>
        descending ? rows.OrderByDescending(key, comparer) : rows.OrderBy(key, comparer);
}
