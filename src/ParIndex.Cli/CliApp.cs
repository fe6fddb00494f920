using System.CommandLine;

namespace ParIndex.Cli;

/// <summary>The <c>parindex</c> command tree. Writers are passed in so tests run it in-process.</summary>
public static class CliApp
{
    /// <summary>Exit code for input the tool cannot read, including a malformed command line.</summary>
    public const int UnreadableExitCode = 2;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("parindex — công cụ dòng lệnh của ParIndex (Chỉ số cải cách hành chính)");
        root.Subcommands.Add(Frameworks.FrameworkCommands.Create());
        root.Subcommands.Add(CheckTable.CheckTableCommand.Create());
        root.Subcommands.Add(ExportTable.ExportTableCommand.Create());
        root.Subcommands.Add(Surveys.SurveyCommand.Create());
        root.Subcommands.Add(Database.DbCommand.Create());
        root.Subcommands.Add(DataBundles.DataCommand.Create());
        root.Subcommands.Add(Backup.BackupCommand.Create());
        root.Subcommands.Add(VerifyPdf.VerifyPdfCommand.Create());
        root.Subcommands.Add(Notifications.NotificationsCommand.Create());
        root.Subcommands.Add(Campaigns.CampaignCommands.Create());
        root.Subcommands.Add(Results.ResultsCommands.Create());
        root.Subcommands.Add(Units.UnitCommands.Create());
        root.Subcommands.Add(Demo.DemoCommand.Create());
        root.Subcommands.Add(Crosswalks.CrosswalkCommands.Create());
        var parse = root.Parse(args);
        parse.InvocationConfiguration.Output = stdout;
        parse.InvocationConfiguration.Error = stderr;

        // Exit 1 means "the document has problems" for the checking commands; a command line that
        // does not parse must not look like that to a script.
        if (parse.Errors.Count > 0 && !args.Any(a => a is "--help" or "-h" or "-?"))
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            stderr.WriteLine("Xem 'parindex --help'.");
            return UnreadableExitCode;
        }

        return parse.Invoke();
    }
}
