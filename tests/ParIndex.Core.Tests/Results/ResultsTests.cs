using ParIndex.Core.Frameworks;
using ParIndex.Core.Results;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.TestFrameworks;

namespace ParIndex.Core.Tests.Results;

public class ResultsTests
{
    private static readonly Framework Current = Of(
        Node("1", Leaf("1.1", 2m), Leaf("1.2", 1m)),
        Node("2", Leaf("2.1", 1m, SurveyRule.Instance), Leaf("2.2", 3m)));

    private static AssessmentResult Score(Framework framework, params (string Code, decimal Points)[] leaves) =>
        AssessmentCalculator.Calculate(framework, leaves.ToDictionary(l => l.Code, l => new LeafScore(l.Points)));

    [Fact]
    public void Gap_analysis_lists_recoverable_leaves_first_by_points_lost()
    {
        var result = Score(Current, ("1.1", 1.5m), ("1.2", 1m), ("2.1", 0.2m), ("2.2", 2m));
        var gaps = GapAnalysis.Analyse(Current, result);
        Assert.Equal(["2.2", "1.1", "2.1"], gaps.Select(g => g.Code));
        Assert.Equal(1m, gaps[0].Lost);
        Assert.False(gaps[2].Recoverable);
        Assert.Equal(0.8m / 7m * 100m, gaps[2].IndexPointsLost);
    }

    [Fact]
    public void Year_over_year_goes_through_the_crosswalk_when_codes_changed()
    {
        // Last year field 2 was numbered 3.
        var previousFramework = Of(Node("1", Leaf("1.1", 3m)), Node("3", Leaf("3.1", 4m)));
        var previous = Score(previousFramework, ("1.1", 1.5m), ("3.1", 2m));
        var current = Score(Current, ("1.1", 2m), ("1.2", 1m), ("2.1", 1m), ("2.2", 3m));
        var crosswalk = new Crosswalk(previousFramework.Id, Current.Id, new Dictionary<string, string?> { ["3"] = "2", ["3.1"] = "2.2" });
        var changes = ResultComparison.Compare(previousFramework, previous, Current, current, crosswalk).ToDictionary(c => c.Code);
        Assert.Equal(50m, changes["2"].Previous);
        Assert.Equal(50m, changes["2"].Change);
        Assert.Equal(50m, changes[""].Change);
        Assert.Null(Crosswalk.Identity(previousFramework, Current).Translate("3", Current));
    }

    [Fact]
    public void Regional_averages()
    {
        var averages = RegionalAverages.Compute(
        [
            new RegionalEntry("a", "Miền núi phía Bắc", 80m), new RegionalEntry("b", "Miền núi phía Bắc", 90m),
            new RegionalEntry("c", "Đồng bằng sông Hồng", 85m),
        ]);
        var north = averages.Single(a => a.Region == "Miền núi phía Bắc");
        Assert.Equal(85m, north.AverageIndex);
        Assert.Equal(2, north.Units);
    }
}
