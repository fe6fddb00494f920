using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Tests.Scoring;

/// <summary>Small frameworks built in code for scoring tests.</summary>
internal static class TestFrameworks
{
    public static FrameworkNode Leaf(string code, decimal max, ScoringRule? rule = null) =>
        new() { Code = code, Title = $"Tiêu chí {code}", Max = max, Rule = rule };

    public static FrameworkNode Node(string code, params FrameworkNode[] children) =>
        new() { Code = code, Title = $"Lĩnh vực {code}", Max = children.Sum(c => c.Max), Children = children };

    public static Framework Of(params FrameworkNode[] fields) =>
        new() { Id = "test", Version = "1", Year = 2023, Title = "Thử nghiệm", Nodes = fields };
}
