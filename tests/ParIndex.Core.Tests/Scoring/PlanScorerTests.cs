using ParIndex.Core.Frameworks;
using ParIndex.Core.Ranking;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.TestFrameworks;

namespace ParIndex.Core.Tests.Scoring;

/// <summary>
/// The compiled plan's scorer gives the same decimals as the rich calculator (ADR 0138): same
/// value and same scale, for every node, the fields, the total and the survey points, over random
/// frameworks and random units (not-applicable leaves, missing and unscored leaves, survey leaves,
/// bonus/penalty leaves with negative points, zero-maximum nodes), on both index bases.
/// </summary>
public sealed class PlanScorerTests
{
    private static readonly IndexBase[] Bases = [IndexBase.FullMaximum, IndexBase.SelfAssessedMaximum];

    [Fact]
    public void Random_frameworks_and_units_score_exactly_as_the_rich_calculator()
    {
        var random = new Random(138);
        var units = 0;
        for (var f = 0; f < 60; f++)
        {
            var framework = RandomFramework(random);
            var plan = ScoringPlan.Compile(framework);
            var scorer = new PlanScorer(plan);
            for (var u = 0; u < 25; u++, units++)
            {
                var leaves = RandomUnit(random, plan);
                foreach (var indexBase in Bases)
                {
                    AssertSame(plan, scorer, leaves, indexBase);
                }
            }
        }

        Assert.Equal(1500, units);
    }

    [Fact]
    public void The_official_framework_scores_exactly_as_the_rich_calculator()
    {
        var plan = ScoringPlan.Compile(BuiltInFrameworks.Province2023);
        var scorer = new PlanScorer(plan);
        var random = new Random(2023);
        for (var u = 0; u < 200; u++)
        {
            var leaves = RandomUnit(random, plan);
            foreach (var indexBase in Bases)
            {
                AssertSame(plan, scorer, leaves, indexBase);
            }
        }
    }

    [Fact]
    public void Leaves_summed_as_they_are_read_go_to_their_own_parent_beside_mixed_nodes_and_leaf_fields()
    {
        // "1.1" has only leaves (summed during the leaf pass), "1" mixes a node and a leaf, "2" is a
        // field that is itself a leaf, "3" has only leaves again: each run must close on its own parent.
        var framework = Of(
            Node("1", Node("1.1", Leaf("1.1.1", 1m), Leaf("1.1.2", 2m)), Leaf("1.2", 4m)),
            Leaf("2", 8m),
            Node("3", Leaf("3.1", 16m), Leaf("3.2", 32m)));
        var plan = ScoringPlan.Compile(framework);
        var scorer = new PlanScorer(plan);
        var random = new Random(7);
        for (var u = 0; u < 50; u++)
        {
            var leaves = RandomUnit(random, plan);
            foreach (var indexBase in Bases)
            {
                AssertSame(plan, scorer, leaves, indexBase);
            }
        }

        scorer.Score([new(1m), new(2m), new(4m), new(8m), new(16m), new(32m)], IndexBase.FullMaximum);
        Assert.Equal([3m, 7m, 8m, 48m], [scorer.NodePoints(1), scorer.NodePoints(0), scorer.FieldPoints(1), scorer.FieldPoints(2)]);
        Assert.Equal(63m, scorer.TotalPoints);
    }

    [Fact]
    public void A_reused_scorer_forgets_the_previous_unit()
    {
        var framework = Of(Node("1", Leaf("1.1", 2m), Leaf("1.2", 3m)), Node("2", Leaf("2.1", 5m)));
        var plan = ScoringPlan.Compile(framework);
        var scorer = new PlanScorer(plan);
        scorer.Score([new LeafScore(1m), new LeafScore(null, NotApplicable: true), new LeafScore(4m)], IndexBase.FullMaximum);
        Assert.Equal(2m, scorer.FieldMax(0));
        Assert.Equal(5m, scorer.TotalPoints);

        scorer.Score([new LeafScore(2m), new LeafScore(3m), default], IndexBase.FullMaximum);
        Assert.Equal(5m, scorer.FieldMax(0));
        Assert.Equal(10m, scorer.TotalMax);
        Assert.Equal(5m, scorer.TotalPoints);
        Assert.Equal(50m, scorer.TotalIndex);
        Assert.Equal(100m, scorer.FieldIndex(0));
        Assert.Equal(0m, scorer.FieldIndex(1));
    }

    [Fact]
    public void Not_applicable_leaves_leave_the_points_and_the_maximum_and_a_field_with_nothing_applicable_has_no_index()
    {
        var framework = Of(Node("1", Leaf("1.1", 2m), Leaf("1.2", 3m)), Node("2", Leaf("2.1", 5m)));
        var scorer = new PlanScorer(ScoringPlan.Compile(framework));
        scorer.Score([new LeafScore(1.5m), new LeafScore(3m, NotApplicable: true), new LeafScore(5m, NotApplicable: true)], IndexBase.FullMaximum);
        Assert.Equal(1.5m, scorer.FieldPoints(0));
        Assert.Equal(2m, scorer.FieldMax(0));
        Assert.Equal(75m, scorer.FieldIndex(0));
        Assert.Equal(0m, scorer.FieldMax(1));
        Assert.Null(scorer.FieldIndex(1));
        Assert.Equal(2m, scorer.TotalMax);
        Assert.Equal(75m, scorer.TotalIndex);
    }

    [Fact]
    public void Without_the_survey_survey_leaves_count_neither_points_nor_maximum_but_are_still_reported()
    {
        var framework = Of(Node("1", Leaf("1.1", 4m), Leaf("1.2", 6m, new SurveyRule())));
        var plan = ScoringPlan.Compile(framework);
        var scorer = new PlanScorer(plan);
        LeafScore[] leaves = [new LeafScore(2m), new LeafScore(6m)];
        scorer.Score(leaves, IndexBase.SelfAssessedMaximum);
        Assert.Equal(2m, scorer.TotalPoints);
        Assert.Equal(4m, scorer.TotalMax);
        Assert.Equal(0m, scorer.SurveyPoints);

        scorer.Score(leaves, IndexBase.FullMaximum);
        Assert.Equal(8m, scorer.TotalPoints);
        Assert.Equal(10m, scorer.TotalMax);
        Assert.Equal(6m, scorer.SurveyPoints);
        Assert.Equal(80m, scorer.TotalIndex);
    }

    [Fact]
    public void A_framework_without_any_leaf_scored_has_no_index()
    {
        var scorer = new PlanScorer(ScoringPlan.Compile(Of(Node("1", Leaf("1.1", 0m)))));
        scorer.Score([new LeafScore(0m)], IndexBase.FullMaximum);
        Assert.Equal(0m, scorer.TotalMax);
        Assert.Null(scorer.TotalIndex);
    }

    [Fact]
    public void The_plan_lists_leaves_and_fields_in_official_order_and_knows_no_other_code()
    {
        var framework = Of(Node("1", Node("1.1", Leaf("1.1.1", 1m), Leaf("1.1.2", 1m)), Leaf("1.2", 1m, new SurveyRule())), Node("2", Leaf("2.1", 2m)));
        var plan = ScoringPlan.Compile(framework);
        Assert.Equal(4, plan.LeafCount);
        Assert.Equal(7, plan.NodeCount);
        Assert.Equal(2, plan.FieldCount);
        Assert.Equal(["1.1.1", "1.1.2", "1.2", "2.1"], Enumerable.Range(0, plan.LeafCount).Select(plan.LeafCode));
        Assert.Equal(["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1"], Enumerable.Range(0, plan.NodeCount).Select(plan.NodeCode));
        Assert.Equal(["1", "2"], Enumerable.Range(0, plan.FieldCount).Select(plan.FieldCode));
        Assert.Equal(2, plan.LeafIndexOf("1.2"));
        Assert.True(plan.IsSurveyLeaf(2));
        Assert.False(plan.IsSurveyLeaf(3));
        Assert.Equal(-1, plan.LeafIndexOf("1.1"));
        Assert.Equal(-1, plan.LeafIndexOf("9.9"));
        Assert.Same(framework, plan.Framework);
    }

    [Fact]
    public void A_repeated_leaf_code_reads_one_input_as_the_calculator_does()
    {
        // The validator refuses such a framework; an unvalidated one must still not score differently.
        var framework = Of(Node("1", Leaf("1.1", 2m), Leaf("1.1", 3m)));
        var plan = ScoringPlan.Compile(framework);
        Assert.Equal(0, plan.LeafIndexOf("1.1"));
        var scorer = new PlanScorer(plan);
        scorer.Score([new LeafScore(1m), new LeafScore(0.5m)], IndexBase.FullMaximum);
        var rich = AssessmentCalculator.Calculate(framework, new Dictionary<string, LeafScore> { ["1.1"] = new(1m) });
        Assert.Equal(rich.Total.Points, scorer.TotalPoints);
        Assert.Equal(2m, scorer.TotalPoints);
        Assert.Equal(rich.Total.Max, scorer.TotalMax);
    }

    [Fact]
    public void A_wrong_number_of_leaf_scores_is_refused()
    {
        var plan = ScoringPlan.Compile(Of(Node("1", Leaf("1.1", 2m), Leaf("1.2", 3m))));
        var error = Assert.Throws<ArgumentException>(() => new PlanScorer(plan).Score([new LeafScore(1m)], IndexBase.FullMaximum));
        Assert.Contains("Expected 2 leaf scores", error.Message);
        Assert.Throws<ArgumentException>(() => plan.Result(new LeafScore[3], IndexBase.FullMaximum));
        Assert.Throws<ArgumentNullException>(() => ScoringPlan.Compile(null!));
        Assert.Throws<ArgumentNullException>(() => new PlanScorer(null!));
    }

    [Fact]
    public void Ranks_ties_and_bands_from_the_fast_index_are_those_from_the_rich_index()
    {
        var framework = Of(Node("1", Leaf("1.1", 3m), Leaf("1.2", 3m)), Node("2", Leaf("2.1", 1.5m), Leaf("2.2", 1.5m)));
        var plan = ScoringPlan.Compile(framework);
        var scorer = new PlanScorer(plan);
        var random = new Random(7);
        var fast = new List<RankingEntry>();
        var rich = new List<RankingEntry>();
        for (var u = 0; u < 400; u++)
        {
            // Coarse points (halves) so that many units tie at the published precision.
            var leaves = Enumerable.Range(0, plan.LeafCount)
                .Select(l => new LeafScore(random.Next(4) * 0.5m, NotApplicable: random.Next(12) == 0))
                .ToArray();
            var group = u % 3 == 0 ? "province" : "ministry";
            scorer.Score(leaves, IndexBase.FullMaximum);
            fast.Add(new RankingEntry($"u{u}", group, scorer.TotalIndex ?? 0m));
            rich.Add(new RankingEntry($"u{u}", group, plan.Result(leaves, IndexBase.FullMaximum).Total.Index ?? 0m));
        }

        var fromFast = Ranker.Rank(fast, BandScheme.Default);
        Assert.Equal(Ranker.Rank(rich, BandScheme.Default), fromFast);
        Assert.Contains(fromFast, r => r.Tied);
        Assert.True(fromFast.Select(r => r.Band).Distinct().Count() > 1);
    }

    private static void AssertSame(ScoringPlan plan, PlanScorer scorer, LeafScore[] leaves, IndexBase indexBase)
    {
        var reference = AssessmentCalculator.Calculate(plan.Framework, ByCode(plan, leaves), indexBase);
        scorer.Score(leaves, indexBase);
        for (var n = 0; n < plan.NodeCount; n++)
        {
            var node = reference[plan.NodeCode(n)];
            Identical(node.Points, scorer.NodePoints(n), plan.NodeCode(n));
            Identical(node.Max, scorer.NodeMax(n), plan.NodeCode(n));
        }

        for (var f = 0; f < plan.FieldCount; f++)
        {
            Assert.Equal(reference.Fields[f].Code, plan.FieldCode(f));
            Identical(reference.Fields[f].Points, scorer.FieldPoints(f), plan.FieldCode(f));
            Identical(reference.Fields[f].Max, scorer.FieldMax(f), plan.FieldCode(f));
            Identical(reference.Fields[f].Index, scorer.FieldIndex(f), plan.FieldCode(f));
        }

        Identical(reference.Total.Points, scorer.TotalPoints, "total");
        Identical(reference.Total.Max, scorer.TotalMax, "total");
        Identical(reference.Total.Index, scorer.TotalIndex, "total");
        var survey = plan.Framework.Leaves().Where(l => l.IsSurvey).Select(l => l.Code).ToList();
        Identical(survey.Sum(code => reference[code].Points), scorer.SurveyPoints, "survey");

        // The plan's rich result is the calculator's, node for node.
        var viaPlan = plan.Result(leaves, indexBase);
        Assert.Equal(reference.Total, viaPlan.Total);
        Assert.Equal(reference.Fields, viaPlan.Fields);
        Assert.Equal(reference.Nodes.OrderBy(p => p.Key, StringComparer.Ordinal), viaPlan.Nodes.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    /// <summary>Same value and same scale: "1.50" and "1.5" are equal decimals but print differently.</summary>
    private static void Identical(decimal? expected, decimal? actual, string code)
    {
        Assert.True(expected == actual, $"{code}: {expected} ≠ {actual}");
        Assert.Equal(expected?.ToString(System.Globalization.CultureInfo.InvariantCulture), actual?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>What the calculator reads: one entry per leaf, some leaves absent (never entered).</summary>
    private static Dictionary<string, LeafScore> ByCode(ScoringPlan plan, LeafScore[] leaves)
    {
        var byCode = new Dictionary<string, LeafScore>(StringComparer.Ordinal);
        for (var l = 0; l < plan.LeafCount; l++)
        {
            if (leaves[l] != default)
            {
                byCode[plan.LeafCode(l)] = leaves[l];
            }
        }

        return byCode;
    }

    private static LeafScore[] RandomUnit(Random random, ScoringPlan plan)
    {
        var leaves = new LeafScore[plan.LeafCount];
        for (var l = 0; l < leaves.Length; l++)
        {
            leaves[l] = random.Next(10) switch
            {
                0 => default, // never entered
                1 => new LeafScore(null), // entered, not scored yet
                2 => new LeafScore(RandomPoints(random), NotApplicable: true),
                3 => new LeafScore(-RandomPoints(random)), // a penalty
                _ => new LeafScore(RandomPoints(random)),
            };
        }

        return leaves;
    }

    /// <summary>Points with 0 to 4 decimals, trailing zeros kept (their scale is part of the result).</summary>
    private static decimal RandomPoints(Random random) =>
        new(random.Next(0, 30_000), 0, 0, false, (byte)random.Next(0, 5));

    private static Framework RandomFramework(Random random)
    {
        var fields = Enumerable.Range(1, random.Next(1, 6)).Select(f => RandomNode(random, $"{f}", depth: 1)).ToArray();
        return Of(fields);
    }

    private static FrameworkNode RandomNode(Random random, string code, int depth)
    {
        if (depth > 1 && (depth == 4 || random.Next(3) == 0))
        {
            var max = random.Next(8) == 0 ? 0m : new decimal(random.Next(1, 5000), 0, 0, false, (byte)random.Next(0, 4));
            ScoringRule? rule = random.Next(6) switch
            {
                0 => new SurveyRule(),
                1 => new BonusPenaltyRule(-2m, 2m),
                _ => null,
            };
            return Leaf(code, rule is BonusPenaltyRule ? 0m : max, rule);
        }

        var children = Enumerable.Range(1, random.Next(1, 5)).Select(c => RandomNode(random, $"{code}.{c}", depth + 1)).ToArray();
        return Node(code, children);
    }
}
