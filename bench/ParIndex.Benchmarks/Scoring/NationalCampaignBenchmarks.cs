using BenchmarkDotNet.Attributes;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Ranking;
using ParIndex.Core.Scoring;

namespace ParIndex.Benchmarks.Scoring;

/// <summary>
/// Scoring a national deployment's year (SPEC 1): 11,000 assessed units × 90 leaves — aggregation
/// up the tree, component indices per field, ranking within peer groups and bands. The baseline
/// is a plain decimal sum over the same numbers, measured in the same run; the rich calculator
/// (one record and dictionary entry per node) is kept beside the compiled plan (ADR 0138).
/// </summary>
[MemoryDiagnoser]
public class NationalCampaignBenchmarks
{
    private const int Units = 11_000;
    private const int LeavesPerField = 11; // 8 fields: 88 leaves + 2 extra = 90
    private Framework framework = null!;
    private string[] leafCodes = null!;
    private decimal[][] points = null!;
    private Dictionary<string, LeafScore>[] inputs = null!;
    private string[] peerGroups = null!;
    private ScoringPlan plan = null!;
    private LeafScore[][] planInputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fields = new List<FrameworkNode>();
        for (var f = 1; f <= 8; f++)
        {
            var count = LeavesPerField + (f <= 2 ? 1 : 0);
            var leaves = Enumerable.Range(1, count)
                .Select(l => new FrameworkNode { Code = $"{f}.{l}", Title = $"Tiêu chí {f}.{l}", Max = 1.25m })
                .ToList();
            fields.Add(new FrameworkNode { Code = $"{f}", Title = $"Lĩnh vực {f}", Max = leaves.Sum(l => l.Max), Children = leaves });
        }

        framework = new Framework { Id = "bench", Version = "1", Year = 2025, Title = "Bench", Nodes = fields };
        leafCodes = framework.Leaves().Select(l => l.Code).ToArray();
        var random = new Random(2023);
        points = new decimal[Units][];
        inputs = new Dictionary<string, LeafScore>[Units];
        peerGroups = new string[Units];
        plan = ScoringPlan.Compile(framework);
        planInputs = new LeafScore[Units][];
        string[] kinds = ["province", "ministry", "department", "district", "commune"];
        for (var u = 0; u < Units; u++)
        {
            points[u] = new decimal[leafCodes.Length];
            inputs[u] = new Dictionary<string, LeafScore>(leafCodes.Length, StringComparer.Ordinal);
            for (var l = 0; l < leafCodes.Length; l++)
            {
                var value = Math.Round((decimal)random.NextDouble() * 1.25m, 4);
                points[u][l] = value;
                inputs[u][leafCodes[l]] = new LeafScore(value, NotApplicable: random.Next(200) == 0);
            }

            peerGroups[u] = kinds[u % kinds.Length];
            planInputs[u] = leafCodes.Select(code => inputs[u][code]).ToArray();
        }
    }

    [Benchmark(Baseline = true, Description = "baseline: plain decimal sum")]
    public decimal PlainSum()
    {
        var total = 0m;
        foreach (var unit in points)
        {
            foreach (var value in unit)
            {
                total += value;
            }
        }

        return total;
    }

    [Benchmark(Description = "rich calculator: aggregate + indices + rank + bands")]
    public int ScoreAndRank()
    {
        var entries = new RankingEntry[Units];
        for (var u = 0; u < Units; u++)
        {
            var result = AssessmentCalculator.Calculate(framework, inputs[u]);
            entries[u] = new RankingEntry(u.ToString(System.Globalization.CultureInfo.InvariantCulture), peerGroups[u], result.Total.Index ?? 0m);
        }

        return Ranker.Rank(entries, BandScheme.Default).Count;
    }

    [Benchmark(Description = "compiled plan: aggregate + indices + rank + bands")]
    public int PlanScoreAndRank()
    {
        var scorer = new PlanScorer(plan);
        var entries = new RankingEntry[Units];
        for (var u = 0; u < Units; u++)
        {
            // Field points and maxima are in the scorer's buffers, as the rich result holds them; like the
            // method above, only the total's index is divided out here (the results path bench takes every field's).
            scorer.Score(planInputs[u], IndexBase.FullMaximum);
            entries[u] = new RankingEntry(u.ToString(System.Globalization.CultureInfo.InvariantCulture), peerGroups[u], scorer.TotalIndex ?? 0m);
        }

        return Ranker.Rank(entries, BandScheme.Default).Count;
    }
}
