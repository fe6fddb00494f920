using ParIndex.Core.Frameworks;

namespace ParIndex.Cli.Tests.Frameworks;

/// <summary>Runs the CLI in-process and builds small frameworks for the framework command tests.</summary>
internal static class FrameworkCli
{
    public static int Run(string[] args, out string stdout, out string stderr)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = CliApp.Run(args, output, error);
        stdout = output.ToString();
        stderr = error.ToString();
        return code;
    }

    public static FrameworkNode Leaf(string code, string title, decimal max, ScoringRule? rule = null, string? guidance = null) =>
        new() { Code = code, Title = title, Max = max, Rule = rule ?? ManualRule.Instance, Guidance = guidance };

    public static FrameworkNode Inner(string code, params FrameworkNode[] children) =>
        new() { Code = code, Title = $"Lĩnh vực {code}", Max = children.Sum(c => c.Max), Children = children };

    public static Framework Framework(params FrameworkNode[] nodes) =>
        new() { Id = "t", Version = "1", Year = 2024, Title = "Thử", Nodes = nodes };
}
