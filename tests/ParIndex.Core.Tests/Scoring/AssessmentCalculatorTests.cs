using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using static ParIndex.Core.Tests.Scoring.TestFrameworks;

namespace ParIndex.Core.Tests.Scoring;

public class AssessmentCalculatorTests
{
    private static readonly Framework Sample = Of(
        Node("1", Leaf("1.1", 1.5m), Node("1.2", Leaf("1.2.1", 1m), Leaf("1.2.2", 1m))),
        Node("2", Leaf("2.1", 2m), Leaf("2.2", 2m, SurveyRule.Instance)));

    [Fact]
    public void Points_add_up_the_tree_with_component_indices()
    {
        var result = AssessmentCalculator.Calculate(Sample, new Dictionary<string, LeafScore>
        {
            ["1.1"] = new(1.4981m),
            ["1.2.1"] = new(1m),
            ["1.2.2"] = new(0.5m),
            ["2.1"] = new(2m),
            ["2.2"] = new(0m),
        });
        Assert.Equal(2.9981m, result.Total.Points - result["2"].Points);
        Assert.Equal(1.5m, result["1.2"].Points);
        Assert.Equal(3.5m, result["1"].Max);
        Assert.Equal(7.5m, result.Total.Max);
        Assert.Equal(4.9981m, result.Total.Points);
        Assert.Equal(50m, result["2"].Index);
        Assert.Equal(5.5m, result.Total.SelfAssessableMax);
        Assert.Equal(5, result.Total.LeavesDone);
    }

    [Fact]
    public void A_not_applicable_field_lowers_the_maximum_and_the_index_is_taken_over_it()
    {
        var result = AssessmentCalculator.Calculate(Sample, new Dictionary<string, LeafScore>
        {
            ["1.1"] = new(1.5m),
            ["1.2.1"] = new(1m),
            ["1.2.2"] = new(1m),
            ["2.1"] = new(null, NotApplicable: true),
            ["2.2"] = new(null, NotApplicable: true),
        });
        Assert.Equal(3.5m, result.Total.Max);
        Assert.Equal(7.5m, result.Total.FullMax);
        Assert.Equal(100m, result.Total.Index);
        Assert.Null(result["2"].Index);
        Assert.Equal(2, result.Total.LeavesNotApplicable);
    }

    [Fact]
    public void Missing_leaves_count_as_zero_and_to_do()
    {
        var result = AssessmentCalculator.Calculate(Sample, new Dictionary<string, LeafScore> { ["1.1"] = new(1m) });
        Assert.Equal(1m, result.Total.Points);
        Assert.Equal(1, result.Total.LeavesDone);
        Assert.Equal(5, result.Total.LeavesTotal);
    }
}
