using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Crosswalks;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Problems;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Ranking;
using ParIndex.Core.Results;
using ParIndex.Core.Scoring;
using ParIndex.Core.Surveys;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Campaigns;

namespace ParIndex.Application.Results;

/// <summary>
/// Campaign results (SPEC 2.8) from the final scores: points (final + survey), index, component
/// indices, rank within the peer group (unit kind) with ties at the published precision, bands,
/// regional averages, change against the previous campaign (through the stored crosswalk, ADR 0124) and gap analysis.
/// </summary>
public sealed class ResultsService(ParIndexDbContext db, FrameworkCache frameworks, CrosswalkService crosswalks)
{
    /// <summary>A campaign scored: every unit's totals and field figures (ADR 0138).</summary>
    internal sealed record Computed(Campaign Campaign, ScoringPlan Plan, IndexBase IndexBase, IReadOnlyList<ScoredUnit> Units)
    {
        public Framework Framework => Plan.Framework;

        /// <summary>The rich result of a unit whose leaf scores were kept (score cards only).</summary>
        public AssessmentResult Result(ScoredUnit unit) =>
            Plan.Result(unit.Leaves ?? throw new InvalidOperationException($"The leaf scores of unit {unit.Assessment.UnitId} were not kept."), IndexBase);
    }

    /// <summary>Published campaigns, newest first (for the public pages).</summary>
    public async Task<IReadOnlyList<Campaign>> PublishedCampaignsAsync(CancellationToken cancellationToken)
    {
        var list = await db.Campaigns.AsNoTracking().Where(c => c.PublishedAt != null).ToListAsync(cancellationToken);
        return list.OrderByDescending(c => c.Year).ThenByDescending(c => c.PublishedAt).ToList();
    }

    /// <param name="publicOnly">The public sees a campaign only once it is published.</param>
    public async Task<CampaignResults> CampaignAsync(int campaignId, bool publicOnly, CancellationToken cancellationToken)
    {
        var computed = await ComputeAsync(campaignId, publicOnly, _ => false, cancellationToken);
        return Build(computed, await PreviousAsync(computed, _ => false, cancellationToken));
    }

    public async Task<UnitScoreCard> UnitAsync(int campaignId, int unitId, bool publicOnly, CancellationToken cancellationToken)
    {
        // Only this unit's card is built: only its leaf scores are kept, here and in the previous campaign.
        var computed = await ComputeAsync(campaignId, publicOnly, a => a.UnitId == unitId, cancellationToken);
        var previous = await PreviousAsync(computed, a => a.UnitId == unitId, cancellationToken);
        var results = Build(computed, previous);
        var unit = results.Units.SingleOrDefault(u => u.UnitId == unitId)
            ?? throw DomainException.NotFound($"Đơn vị số {unitId} không có trong kết quả của kỳ đánh giá này.", $"Unit number {unitId} is not in the results of this campaign.");
        var comparison = await ComparisonAsync(computed, previous, cancellationToken);
        var sipas = await db.SurveySipasResults.AsNoTracking().Where(r => r.CampaignId == campaignId && r.UnitId == unitId).ToListAsync(cancellationToken);
        return Card(computed, results, unit, computed.Result(computed.Units.Single(u => u.Assessment.UnitId == unitId)), comparison, sipas);
    }

    /// <summary>
    /// The campaign's results and every unit's score card from one computation (the stored result
    /// snapshot, ADR 0133): the same cards as <see cref="UnitAsync"/>, without recomputing the
    /// campaign, the previous one and the crosswalk per unit.
    /// </summary>
    public async Task<(CampaignResults Results, IReadOnlyList<UnitScoreCard> Cards)> AllCardsAsync(int campaignId, bool publicOnly, CancellationToken cancellationToken)
    {
        var computed = await ComputeAsync(campaignId, publicOnly, _ => true, cancellationToken);
        var previous = await PreviousAsync(computed, _ => true, cancellationToken);
        var results = Build(computed, previous);
        var comparison = await ComparisonAsync(computed, previous, cancellationToken);
        var current = computed.Units.ToDictionary(u => u.Assessment.UnitId);
        var sipas = (await db.SurveySipasResults.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync(cancellationToken)).ToLookup(r => r.UnitId);
        var cards = results.Units
            // Each card's rich result is built, used and dropped: never the whole campaign's at once.
            .Select(u => Card(computed, results, u, computed.Result(current[u.UnitId]), comparison, sipas[u.UnitId]))
            .ToList();
        return (results, cards);
    }

    private static UnitScoreCard Card(Computed computed, CampaignResults results, UnitResult unit, AssessmentResult result,
        Comparison? comparison, IEnumerable<Data.Surveys.SurveySipasResult> sipasRows)
    {
        var framework = computed.Framework;
        var criteria = framework.AllNodes().Where(n => n.Level == 2)
            .Select(n => new ComponentIndex(n.Code, n.Title, result[n.Code].Points, result[n.Code].Max, result[n.Code].Index))
            .ToList();
        var gaps = GapAnalysis.Analyse(framework, result)
            .Select(g => new GapView(g.Code, g.Title, g.FieldCode, g.Max, g.Points, g.Lost, g.Recoverable, g.IndexPointsLost))
            .ToList();

        var (changes, note) = Changes(computed, comparison, unit.UnitId, result);
        // Every node, not only the fields: SIPAS components are survey leaves (8.1.1…), named by their titles.
        var nodeTitles = framework.AllNodes().GroupBy(n => n.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        // The stored SIPAS rows, with the core's rounding and its overall mean of component shares (ADR 0006).
        var stored = StoredSipas(unit.UnitCode, sipasRows);
        var sipas = stored.Sipas.Select(c => new SipasView(c.Component, nodeTitles.GetValueOrDefault(c.Component, c.Component), c.ValidAnswers, c.SatisfiedAnswers, c.Percent)).ToList();
        var overall = stored.OverallSipasPercent(unit.UnitCode);
        return new UnitScoreCard(results, unit, criteria, changes, gaps, gaps.Where(g => g.Recoverable).Sum(g => g.Lost), sipas, overall, note);
    }

    /// <summary>The overall SIPAS (percent) of every unit with stored survey results in the campaign, as the score card computes it.</summary>
    internal async Task<IReadOnlyDictionary<int, decimal?>> OverallSipasAsync(int campaignId, IReadOnlyList<UnitResult> units, CancellationToken cancellationToken)
    {
        var rows = (await db.SurveySipasResults.AsNoTracking().Where(r => r.CampaignId == campaignId).ToListAsync(cancellationToken)).ToLookup(r => r.UnitId);
        return units.Where(u => rows.Contains(u.UnitId))
            .ToDictionary(u => u.UnitId, u => StoredSipas(u.UnitCode, rows[u.UnitId]).OverallSipasPercent(u.UnitCode));
    }

    private static SurveyScoreResult StoredSipas(string unitCode, IEnumerable<Data.Surveys.SurveySipasResult> rows) =>
        new([], rows.OrderBy(r => r.Component, StringComparer.Ordinal)
            .Select(r => new SipasScore(unitCode, r.Component, r.ValidAnswers, r.SatisfiedAnswers, r.Share))
            .ToList());

    /// <param name="keepLeaves">The units whose score card is built keep their leaf scores; the others only their totals.</param>
    private async Task<Computed> ComputeAsync(int campaignId, bool publicOnly, Func<ResultAssessmentRow, bool> keepLeaves, CancellationToken cancellationToken)
    {
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == campaignId, cancellationToken);
        // Staff are told a campaign does not exist; the public only that it has nothing published (ADR 0107).
        if (campaign is null && !publicOnly)
        {
            throw DomainException.NotFound($"Không có kỳ đánh giá số {campaignId}.", $"There is no campaign number {campaignId}.");
        }

        if (campaign is null || (publicOnly && campaign.PublishedAt is null))
        {
            throw DomainException.NotFound($"Kỳ đánh giá số {campaignId} chưa công bố kết quả.", $"Campaign number {campaignId} has not published its results.");
        }

        var framework = await frameworks.GetAsync(db, campaign.FrameworkRecordId, cancellationToken);
        // Only the columns the results show or score, ordered by id so that the entries stream unit by unit.
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => a.CampaignId == campaignId && (!publicOnly || a.Status == AssessmentStatus.Published))
            .OrderBy(a => a.Id)
            .Select(a => new ResultAssessmentRow(a.Id, a.UnitId, a.Status, a.Unit!.Code, a.Unit.Name, a.Unit.Kind, a.Unit.Region))
            .ToListAsync(cancellationToken);
        var scoring = new CampaignScoring(frameworks.Plan(framework), IndexBaseOf(campaign), assessments, keepLeaves);
        // The same filter as the assessments (a join, not a list of 11,000 ids); explanations, memos and figures are
        // most of a row's size and are not read; each unit is scored as its rows arrive, none is kept; the
        // order is the unique (assessment, leaf) index's, the same leaf order in every unit (ADR 0138).
        var entries = db.LeafEntries.AsNoTracking()
            .Where(e => e.Assessment!.CampaignId == campaignId && (!publicOnly || e.Assessment.Status == AssessmentStatus.Published))
            .OrderBy(e => e.AssessmentId).ThenBy(e => e.LeafCode)
            .Select(e => new ResultLeafRow(e.AssessmentId, e.LeafCode, e.NotApplicable, e.Points, e.AppraisedScore, e.FinalScore, e.SurveyScore))
            .AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            scoring.Add(entry);
        }

        return new Computed(campaign, frameworks.Plan(framework), IndexBaseOf(campaign), scoring.Finish());
    }

    private static IndexBase IndexBaseOf(Campaign campaign) => campaign.SurveyNotRun ? IndexBase.SelfAssessedMaximum : IndexBase.FullMaximum;

    /// <summary>The previous campaign's results (staff view), if the campaign names one that still exists.</summary>
    private async Task<Computed?> PreviousAsync(Computed computed, Func<ResultAssessmentRow, bool> keepLeaves, CancellationToken cancellationToken) =>
        computed.Campaign.PreviousCampaignId is { } previousId && await db.Campaigns.AnyAsync(c => c.Id == previousId, cancellationToken)
            ? await ComputeAsync(previousId, publicOnly: false, keepLeaves, cancellationToken)
            : null;

    /// <summary>The campaign's ranked results from its scored units (and the previous campaign's, for the changes).</summary>
    internal static CampaignResults Build(Computed computed, Computed? previous)
    {
        var campaign = computed.Campaign;
        var bands = BandsJson.Read(campaign.BandsJson);
        var keys = computed.Units.Select(u => Key(u.Assessment.UnitId)).ToArray();
        var ranked = Ranker.Rank(computed.Units.Select((u, i) => new RankingEntry(keys[i], u.Assessment.UnitKind, u.Index ?? 0m)), bands)
            .ToDictionary(r => r.UnitId, StringComparer.Ordinal);

        Dictionary<string, RankedUnit> previousRanks = new(StringComparer.Ordinal);
        Dictionary<int, decimal?> previousIndex = [];
        string? previousName = null;
        if (previous is not null)
        {
            previousName = previous.Campaign.Name;
            previousRanks = Ranker.Rank(previous.Units.Select(u => new RankingEntry(Key(u.Assessment.UnitId), u.Assessment.UnitKind, u.Index ?? 0m)))
                .ToDictionary(r => r.UnitId, StringComparer.Ordinal);
            previousIndex = previous.Units.ToDictionary(u => u.Assessment.UnitId, u => u.Index);
        }

        var fields = computed.Framework.Nodes;
        var rows = computed.Units.Select((u, i) =>
            {
                var rank = ranked[keys[i]];
                previousIndex.TryGetValue(u.Assessment.UnitId, out var before);
                int? previousRank = previousRanks.TryGetValue(keys[i], out var p) ? p.Rank : null;
                var components = new ComponentIndex[fields.Count];
                for (var f = 0; f < components.Length; f++)
                {
                    components[f] = new ComponentIndex(fields[f].Code, fields[f].Title, u.FieldPoints[f], u.FieldMax[f], NodeResult.IndexOf(u.FieldPoints[f], u.FieldMax[f]));
                }

                return new UnitResult(
                    u.Assessment.UnitId, u.Assessment.UnitCode, u.Assessment.UnitName, u.Assessment.UnitKind, u.Assessment.Region,
                    u.Assessment.AssessmentId, u.Assessment.Status.ToString(),
                    u.Points - u.SurveyPoints, u.SurveyPoints, u.Points, u.Max,
                    rank.Index, rank.PublishedIndex, rank.Rank, rank.Tied, rank.Band,
                    before, before is { } b ? rank.Index - b : null,
                    previousRank, previousRank is { } pr ? pr - rank.Rank : null,
                    components);
            })
            .OrderBy(r => r.PeerGroup, StringComparer.Ordinal).ThenBy(r => r.Rank).ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .ToList();
        var regions = RegionalAverages.Compute(rows.Where(r => r.Region is not null).Select(r => new RegionalEntry(Key(r.UnitId), r.Region!, r.Index)))
            .Select(r => new RegionalAverageView(r.Region, r.Units, r.AverageIndex, r.MinIndex, r.MaxIndex))
            .ToList();
        return new CampaignResults(
            campaign.Id, campaign.Name, campaign.Year, campaign.IsSample, campaign.PublishedAt, campaign.PreviousCampaignId, previousName,
            bands.Bands.OrderByDescending(b => b.MinIndex).Select(b => new BandView(b.Name, b.MinIndex, b.Label)).ToList(), bands.Below,
            computed.Framework.Nodes.Select(n => new FieldTitle(n.Code, n.Title)).ToList(),
            rows, regions, campaign.SurveyNotRun);
    }

    /// <summary>What every unit's change is computed against: the previous campaign's results and the stored crosswalk between the two versions.</summary>
    private sealed record Comparison(Computed Previous, IReadOnlyDictionary<int, ScoredUnit> Before, FrameworkCrosswalk Crosswalk, string? Note, IReadOnlyDictionary<string, string> Titles);

    /// <summary>
    /// The previous campaign and the stored crosswalk (identity for the same framework version),
    /// read once for the whole campaign. Without a stored crosswalk between two versions only the
    /// total is compared, and the note says why.
    /// </summary>
    private async Task<Comparison?> ComparisonAsync(Computed computed, Computed? previous, CancellationToken cancellationToken)
    {
        if (previous is null)
        {
            return null;
        }

        var framework = computed.Framework;
        var found = await crosswalks.BetweenAsync(previous.Campaign.FrameworkRecordId, computed.Campaign.FrameworkRecordId, cancellationToken);
        var crosswalk = found?.Crosswalk ?? new FrameworkCrosswalk
        {
            FromFrameworkId = previous.Framework.Id,
            FromVersion = previous.Framework.Version,
            ToFrameworkId = framework.Id,
            ToVersion = framework.Version,
            Entries = [],
        };
        var note = found is null
            ? $"Chưa có bảng chuyển mã từ {previous.Framework.Id} {previous.Framework.Version} sang {framework.Id} {framework.Version}: chỉ so sánh chỉ số tổng; các lĩnh vực và tiêu chí không so sánh được."
            : null;
        var titles = framework.AllNodes().GroupBy(n => n.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal);
        return new Comparison(previous, previous.Units.ToDictionary(u => u.Assessment.UnitId), crosswalk, note, titles);
    }

    /// <summary>
    /// The change of every node (total, fields, criteria, leaves) against the unit's previous-year
    /// result through the crosswalk: a node without a counterpart is not comparable, never a made-up change.
    /// </summary>
    private static (List<ChangeView> Changes, string? Note) Changes(Computed computed, Comparison? comparison, int unitId, AssessmentResult result)
    {
        if (comparison is null || !comparison.Before.TryGetValue(unitId, out var scored))
        {
            return ([], null);
        }

        var before = comparison.Previous.Result(scored);
        var changes = ResultComparison.CompareNodes(comparison.Previous.Framework, before, computed.Framework, result, comparison.Crosswalk)
            .Select(c => new ChangeView(
                c.Code, c.Code.Length == 0 ? "Chỉ số tổng" : comparison.Titles.GetValueOrDefault(c.Code, c.Code), c.Previous, c.Current, c.Change,
                ChangeView.ComparisonName(c.Comparability), c.PreviousCodes))
            .ToList();
        return (changes, comparison.Note);
    }

    private static string Key(int unitId) => unitId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
