using System.Globalization;
using BenchmarkDotNet.Attributes;
using ParIndex.Application.Appraisal;
using ParIndex.Application.Results;
using ParIndex.Core.Ranking;
using ParIndex.Core.Results;
using ParIndex.Core.Scoring;

namespace ParIndex.Benchmarks.Scoring;

/// <summary>
/// The real results path of a national campaign (ResultsService: ranking page, exports, the stored
/// snapshot) from the rows its query returns to ranked results: score precedence (final, appraised,
/// self; survey), not-applicable leaves, aggregation, field component indices, ranking within peer
/// groups, bands, regional averages. 11,000 units × 101 leaves of the official framework. The
/// database read itself is not in it (see docs/benchmarks.md). Baseline: a plain decimal sum over
/// the same 1,111,000 self scores; "before" is the path as it was until ADR 0138, kept here so that
/// both are measured in the same run.
/// </summary>
[MemoryDiagnoser]
public class NationalResultsPathBenchmarks
{
    private NationalResultsData data = null!;

    [GlobalSetup]
    public void Setup() => data = new NationalResultsData();

    [Benchmark(Baseline = true, Description = "baseline: plain decimal sum of the rows")]
    public decimal PlainSum()
    {
        var total = 0m;
        foreach (var value in data.Points)
        {
            total += value;
        }

        return total;
    }

    [Benchmark(Description = "before: rows → rich result per unit → ranked results")]
    public int Before() => RichResultsPath(data).Count;

    [Benchmark(Description = "after: rows → compiled plan → ranked results")]
    public int After()
    {
        var units = CampaignScoring.Score(data.Plan, IndexBase.FullMaximum, data.Assessments, data.Rows, _ => false);
        return ResultsService.Build(new ResultsService.Computed(data.Campaign, data.Plan, IndexBase.FullMaximum, units), null).Units.Count;
    }

    /// <summary>
    /// The results path before ADR 0138 (ResultsService.ComputeAsync and Build as they were): entries
    /// grouped by assessment, a dictionary and a rich result per unit, ranking, then per unit the
    /// survey points by code and each field's title found in the tree.
    /// </summary>
    internal static List<UnitResult> RichResultsPath(NationalResultsData data)
    {
        var framework = data.Framework;
        var entries = data.Entries.ToLookup(e => e.AssessmentId);
        var units = data.Assessments.Select(a => (Assessment: a, Result: ResultScores.Calculate(framework, entries[a.AssessmentId], IndexBase.FullMaximum))).ToList();
        var bands = BandsJson.Read(data.Campaign.BandsJson);
        var ranked = Ranker.Rank(units.Select(u => new RankingEntry(Key(u.Assessment.UnitId), u.Assessment.UnitKind, u.Result.Total.Index ?? 0m)), bands)
            .ToDictionary(r => r.UnitId, StringComparer.Ordinal);
        var survey = framework.Leaves().Where(l => l.IsSurvey).Select(l => l.Code).ToList();
        var rows = units.Select(u =>
            {
                var rank = ranked[Key(u.Assessment.UnitId)];
                var surveyPoints = survey.Sum(code => u.Result[code].Points);
                return new UnitResult(
                    u.Assessment.UnitId, u.Assessment.UnitCode, u.Assessment.UnitName, u.Assessment.UnitKind, u.Assessment.Region,
                    u.Assessment.AssessmentId, u.Assessment.Status.ToString(),
                    u.Result.Total.Points - surveyPoints, surveyPoints, u.Result.Total.Points, u.Result.Total.Max,
                    rank.Index, rank.PublishedIndex, rank.Rank, rank.Tied, rank.Band, null, null, null, null,
                    u.Result.Fields.Select(f => new ComponentIndex(f.Code, framework.Find(f.Code)!.Title, f.Points, f.Max, f.Index)).ToList());
            })
            .OrderBy(r => r.PeerGroup, StringComparer.Ordinal).ThenBy(r => r.Rank).ThenBy(r => r.UnitName, StringComparer.Ordinal)
            .ToList();
        _ = RegionalAverages.Compute(rows.Where(r => r.Region is not null).Select(r => new RegionalEntry(Key(r.UnitId), r.Region!, r.Index))).ToList();
        return rows;
    }

    private static string Key(int unitId) => unitId.ToString(CultureInfo.InvariantCulture);
}
