using System.Diagnostics;
using System.Globalization;
using ParIndex.Application.Appraisal;
using ParIndex.Application.Results;
using ParIndex.Core.Ranking;
using ParIndex.Core.Scoring;

namespace ParIndex.Benchmarks.Scoring;

/// <summary>
/// Where the national results path spends its time and bytes (<c>scoring-profile [--units N]</c>):
/// stopwatch sections over the rows of <see cref="NationalResultsData"/>, each the best of 5 runs
/// after a warm-up, with the bytes the section allocates. The before path's sections are those of
/// ResultsService until ADR 0138; the after path's are CampaignScoring and ResultsService.Build.
/// </summary>
public static class ScoringProfile
{
    public const string Command = "scoring-profile";

    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var units = NationalResultsData.DefaultUnits;
        if (args.Length == 3 && args[1] == "--units")
        {
            units = int.Parse(args[2], CultureInfo.InvariantCulture);
        }
        else if (args.Length != 1)
        {
            Console.Error.WriteLine($"usage: {Command} [--units N]");
            return 2;
        }

        var data = new NationalResultsData(units);
        var framework = data.Framework;
        var lookup = data.Entries.ToLookup(e => e.AssessmentId);
        var dictionaries = data.Assessments.Select(a => ScoresByCode(data, lookup[a.AssessmentId])).ToList();
        var rich = dictionaries.Select(d => AssessmentCalculator.Calculate(framework, d)).ToList();
        var ranking = data.Assessments.Select((a, i) => new RankingEntry(a.UnitId.ToString(CultureInfo.InvariantCulture), a.UnitKind, rich[i].Total.Index ?? 0m)).ToList();
        var scored = CampaignScoring.Score(data.Plan, IndexBase.FullMaximum, data.Assessments, data.Rows, _ => false);
        var computed = new ResultsService.Computed(data.Campaign, data.Plan, IndexBase.FullMaximum, scored);

        Console.WriteLine($"# Results path profile: {units} units × {data.Plan.LeafCount} leaves; .NET {Environment.Version}, {Environment.ProcessorCount} cores; load average {LoadAverage()}");
        Console.WriteLine("| Path | Section | Best ms | Allocated MB | Bytes per unit |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        Section("baseline", "plain decimal sum of the self scores", units, () => data.Points.Sum());
        Section("before", "whole path (rows → ranked results)", units, () => NationalResultsPathBenchmarks.RichResultsPath(data));
        Section("before", "group entries by assessment (ToLookup)", units, () => data.Entries.ToLookup(e => e.AssessmentId));
        Section("before", "per unit: entries → score dictionaries (precedence)", units, () => data.Assessments.Select(a => ScoresByCode(data, lookup[a.AssessmentId])).ToList());
        Section("before", "per unit: rich aggregation (record + dictionary entry per node)", units, () => dictionaries.Select(d => AssessmentCalculator.Calculate(framework, d)).ToList());
        Section("before", "ranking within peer groups + bands", units, () => Ranker.Rank(ranking, BandScheme.Default));
        Section("before", "per unit: survey points by code, field titles by tree search", units, () => rich.Select(r =>
            (framework.Leaves().Where(l => l.IsSurvey).Sum(l => r[l.Code].Points), r.Fields.Select(f => framework.Find(f.Code)!.Title).ToList())).ToList());
        Section("after", "whole path (rows → ranked results)", units, () => ResultsService.Build(
            new ResultsService.Computed(data.Campaign, data.Plan, IndexBase.FullMaximum, CampaignScoring.Score(data.Plan, IndexBase.FullMaximum, data.Assessments, data.Rows, _ => false)), null));
        Section("after", "rows → compiled plan → unit totals and fields", units, () => CampaignScoring.Score(data.Plan, IndexBase.FullMaximum, data.Assessments, data.Rows, _ => false));
        var kept = CampaignScoring.Score(data.Plan, IndexBase.FullMaximum, data.Assessments, data.Rows, _ => true).Select(u => u.Leaves!).ToList();
        var scorer = new PlanScorer(data.Plan);
        Section("after", "of which aggregation alone (PlanScorer over leaf scores)", units, () =>
        {
            var sum = 0m;
            foreach (var leaves in kept)
            {
                scorer.Score(leaves, IndexBase.FullMaximum);
                sum += scorer.TotalPoints;
            }

            return sum;
        });
        Section("after", "ranking + unit rows + order + regional averages (Build)", units, () => ResultsService.Build(computed, null));
        return 0;
    }

    /// <summary>ResultScores.Calculate's first half: the entries by code, then the counted score of each leaf.</summary>
    private static Dictionary<string, LeafScore> ScoresByCode(NationalResultsData data, IEnumerable<Data.Assessments.LeafEntry> entries)
    {
        var byCode = entries.ToDictionary(e => e.LeafCode, StringComparer.Ordinal);
        var scores = new Dictionary<string, LeafScore>(StringComparer.Ordinal);
        foreach (var leaf in data.Framework.Leaves())
        {
            if (byCode.TryGetValue(leaf.Code, out var entry))
            {
                scores[leaf.Code] = ScorePrecedence.ResultOf(leaf.IsSurvey, entry.NotApplicable, entry.SurveyScore, entry.FinalScore, entry.AppraisedScore, entry.Points);
            }
        }

        return scores;
    }

    private static void Section(string path, string name, int units, Func<object> work)
    {
        GC.KeepAlive(work());
        var best = double.MaxValue;
        long allocated = 0;
        for (var run = 0; run < 5; run++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            GC.KeepAlive(work());
            watch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {path} | {name} | {best:F1} | {allocated / 1048576.0:F1} | {allocated / units:N0} |"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
