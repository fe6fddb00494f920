using System.CommandLine;
using ParIndex.Core.Frameworks;

namespace ParIndex.Cli.Frameworks;

/// <summary>
/// <c>parindex framework crosswalk OLD NEW [-o FILE] [--force]</c>: the suggested crosswalk
/// (ADR 0116) as a <c>parindex-crosswalk/1</c> file, to stdout or a file. Exit codes: 0 written,
/// 2 a framework cannot be read or the output exists without --force.
/// </summary>
internal static class FrameworkCrosswalkCommand
{
    public static Command Create()
    {
        var (oldArgument, newArgument) = FrameworkInputs.OldAndNew();
        var output = new Option<string?>("--output", "-o") { Description = "Ghi ra tệp này thay vì ra màn hình" };
        var force = new Option<bool>("--force") { Description = "Ghi đè tệp đã có" };
        var command = new Command("crosswalk", "Gợi ý bảng chuyển mã giữa hai bộ tiêu chí (theo mã và tên đã chuẩn hoá) để so sánh kết quả giữa các năm")
        {
            oldArgument, newArgument, output, force,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(oldArgument),
            parse.GetRequiredValue(newArgument),
            parse.GetValue(output),
            parse.GetValue(force),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string oldPath, string newPath, string? output, bool force, TextWriter stdout, TextWriter stderr)
    {
        if (FrameworkInputs.LoadBoth(oldPath, newPath, stderr) is not var (before, after))
        {
            return FrameworkCommands.Unreadable;
        }

        var crosswalk = CrosswalkSuggester.Suggest(before, after);
        if (output is null)
        {
            stdout.Write(CrosswalkFile.ToJson(crosswalk));
        }
        else if (!FrameworkInputs.WriteFile(output, force, stream => CrosswalkFile.Write(crosswalk, stream), stderr))
        {
            return FrameworkCommands.Unreadable;
        }

        // The summary goes to stderr so that stdout stays a valid file when no -o is given.
        var counts = Enum.GetValues<CrosswalkKind>()
            .Select(kind => (kind, count: crosswalk.Entries.Count(e => e.Kind == kind)))
            .Where(p => p.count > 0)
            .Select(p => $"{p.count} {CrosswalkFile.KindName(p.kind)}");
        var weak = crosswalk.Entries.Count(e => e.Match is CrosswalkMatch.TitleWithoutDiacritics or CrosswalkMatch.CodeOnly or CrosswalkMatch.Structure);
        stderr.WriteLine($"Gợi ý {crosswalk.Entries.Count} dòng chuyển mã: {string.Join(", ", counts)}; {weak} dòng cần kiểm tra lại (khớp yếu).");
        return FrameworkCommands.Valid;
    }
}
