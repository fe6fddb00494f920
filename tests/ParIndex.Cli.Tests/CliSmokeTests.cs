namespace ParIndex.Cli.Tests;

public class CliSmokeTests
{
    [Fact]
    public void Help_lists_the_tool()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CliApp.Run(["--help"], stdout, stderr);
        Assert.Equal(0, code);
        Assert.Contains("parindex", stdout.ToString(), StringComparison.Ordinal);
    }
}
