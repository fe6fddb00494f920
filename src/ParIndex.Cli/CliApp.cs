using System.CommandLine;

namespace ParIndex.Cli;

/// <summary>The <c>parindex</c> command tree. Writers are passed in so tests run it in-process.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("parindex — công cụ dòng lệnh của ParIndex (Chỉ số cải cách hành chính)");
        root.Add(Surveys.SurveyCommand.Create());
        var parse = root.Parse(args);
        parse.InvocationConfiguration.Output = stdout;
        parse.InvocationConfiguration.Error = stderr;
        return parse.Invoke();
    }
}
