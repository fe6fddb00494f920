using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ParIndex.Application.Units;
using ParIndex.Cli.Campaigns;
using ParIndex.Cli.Database;
using ParIndex.Core.Units;

namespace ParIndex.Cli.Units;

/// <summary>
/// <c>parindex unit merge|split|rename|lineage</c>: units over time on the web's use case
/// (<see cref="UnitLineageService"/>, ADR 0126), as the operator. Units are named by code. Exit 0
/// done; 1 the use case refused (message and field) or no such unit; 2 a bad command line (a date
/// not yyyy-MM-dd, a new unit not CODE=Name) or a database that cannot be used.
/// </summary>
internal static class UnitCommands
{
    public static Command Create() => new("unit", "Đơn vị theo thời gian: hợp nhất, chia tách, đổi tên, lịch sử") { Merge(), Split(), Rename(), Lineage() };

    private static Option<string> DateOption() => new("--date") { Description = "Ngày hiệu lực yyyy-MM-dd (đơn vị cũ kết thúc ngày hôm trước)", Required = true };

    private static Option<string?> NoteOption() => new("--note") { Description = "Ghi chú (quyết định, nghị quyết)" };

    private static Command Merge()
    {
        var units = new Option<string>("--units") { Description = "Mã các đơn vị hợp nhất, cách nhau bởi dấu phẩy", Required = true };
        var code = new Option<string>("--code") { Description = "Mã đơn vị mới", Required = true };
        var name = new Option<string>("--name") { Description = "Tên đơn vị mới", Required = true };
        var date = DateOption();
        var note = NoteOption();
        var operatorName = CampaignCommands.OperatorOption();
        var command = new Command("merge", "Hợp nhất nhiều đơn vị thành một đơn vị mới") { units, code, name, date, note, operatorName };
        return WithDatabase(command, date, async (parse, effective, service, stdout, ct) =>
        {
            var ids = new List<int>();
            foreach (var c in Codes(parse.GetValue(units)!))
            {
                ids.Add((await service.ByCodeAsync(c, ct)).Id);
            }

            var result = await service.MergeAsync(new MergeRequest(ids, new NewUnitRequest(parse.GetValue(code)!, parse.GetValue(name)!), effective, parse.GetValue(note)),
                CampaignCommands.Operator(parse, operatorName), ct);
            stdout.WriteLine($"Đã hợp nhất {string.Join(", ", result.Ended.Select(u => u.Code))} thành {result.Successors[0].Code} ({result.Successors[0].Name}) từ ngày {UnitValidity.Vietnamese(effective)}.");
            return 0;
        });
    }

    private static Command Split()
    {
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị chia tách", Required = true };
        var into = new Option<string[]>("--into") { Description = "Đơn vị mới MÃ=Tên (lặp lại cho mỗi đơn vị)", Required = true, AllowMultipleArgumentsPerToken = false };
        var date = DateOption();
        var note = NoteOption();
        var operatorName = CampaignCommands.OperatorOption();
        var command = new Command("split", "Chia tách một đơn vị thành nhiều đơn vị mới") { unit, into, date, note, operatorName };
        command.Validators.Add(result =>
        {
            foreach (var item in result.GetValue(into) ?? [])
            {
                if (item.Split('=', 2) is not [{ Length: > 0 }, { Length: > 0 }])
                {
                    result.AddError($"--into \"{item}\": cần dạng MÃ=Tên.");
                }
            }
        });
        return WithDatabase(command, date, async (parse, effective, service, stdout, ct) =>
        {
            var predecessor = await service.ByCodeAsync(parse.GetValue(unit)!, ct);
            var successors = parse.GetValue(into)!.Select(i => i.Split('=', 2)).Select(p => new NewUnitRequest(p[0].Trim(), p[1].Trim())).ToList();
            var result = await service.SplitAsync(new SplitRequest(predecessor.Id, successors, effective, parse.GetValue(note)), CampaignCommands.Operator(parse, operatorName), ct);
            stdout.WriteLine($"Đã chia tách {predecessor.Code} thành {string.Join(", ", result.Successors.Select(u => u.Code))} từ ngày {UnitValidity.Vietnamese(effective)}.");
            return 0;
        });
    }

    private static Command Rename()
    {
        var unit = new Option<string>("--unit") { Description = "Mã đơn vị", Required = true };
        var name = new Option<string>("--name") { Description = "Tên mới", Required = true };
        var date = DateOption();
        var note = NoteOption();
        var operatorName = CampaignCommands.OperatorOption();
        var command = new Command("rename", "Đổi tên đơn vị (cùng đơn vị, giữ nguyên kết quả)") { unit, name, date, note, operatorName };
        return WithDatabase(command, date, async (parse, effective, service, stdout, ct) =>
        {
            var target = await service.ByCodeAsync(parse.GetValue(unit)!, ct);
            var result = await service.RenameAsync(new RenameRequest(target.Id, parse.GetValue(name)!, effective, parse.GetValue(note)), CampaignCommands.Operator(parse, operatorName), ct);
            stdout.WriteLine($"Đã đổi tên {target.Code}: \"{target.Name}\" → \"{result.Successors[0].Name}\" từ ngày {UnitValidity.Vietnamese(effective)}.");
            return 0;
        });
    }

    private static Command Lineage()
    {
        var code = new Argument<string>("CODE") { Description = "Mã đơn vị" };
        var json = new Option<bool>("--json") { Description = "In JSON (như API /api/units/{id}/lineage)" };
        var database = new DatabaseOptions();
        var command = new Command("lineage", "Lịch sử của một đơn vị: thời gian hiệu lực, đơn vị tiền thân, đơn vị kế thừa, tên cũ") { code, json };
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            return await UseCaseRunner.RunAsync(resolved, stderr, async services =>
            {
                var service = services.GetRequiredService<UnitLineageService>();
                var unit = await service.ByCodeAsync(parse.GetValue(code)!, cancellationToken);
                var view = await service.LineageAsync(unit.Id, cancellationToken);
                if (parse.GetValue(json))
                {
                    stdout.WriteLine(JsonSerializer.Serialize(view, UseCaseRunner.Json));
                    return 0;
                }

                var u = view.Unit;
                stdout.WriteLine($"{u.Code} — {u.Name} ({u.Kind}): hiệu lực {(u.ValidFrom is { } f ? "từ " + UnitValidity.Vietnamese(f) : "từ trước")} {(u.ValidTo is { } t ? "đến hết " + UnitValidity.Vietnamese(t) : "đến nay")}");
                foreach (var l in view.CameFrom)
                {
                    stdout.WriteLine($"  Tiền thân: {l.PredecessorCode} — {l.PredecessorName} ({UnitChangeKinds.Vietnamese(l.Kind).ToLowerInvariant()} từ {UnitValidity.Vietnamese(l.EffectiveDate)})");
                }

                foreach (var l in view.BecameOf)
                {
                    stdout.WriteLine($"  Kế thừa: {l.SuccessorCode} — {l.SuccessorName} ({UnitChangeKinds.Vietnamese(l.Kind).ToLowerInvariant()} từ {UnitValidity.Vietnamese(l.EffectiveDate)})");
                }

                foreach (var l in view.Renames)
                {
                    stdout.WriteLine($"  Tên cũ: {l.PreviousName} (đến hết {UnitValidity.Vietnamese(UnitValidity.LastDayBefore(l.EffectiveDate))})");
                }

                return 0;
            }, cancellationToken);
        });
        return command;
    }

    private static IEnumerable<string> Codes(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal);

    /// <summary>Adds the database options, reads the date (exit 2 when it is not yyyy-MM-dd) and runs the body on the use case.</summary>
    private static Command WithDatabase(Command command, Option<string> date,
        Func<ParseResult, DateOnly, UnitLineageService, TextWriter, CancellationToken, Task<int>> body)
    {
        var database = new DatabaseOptions();
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (!DateOnly.TryParseExact(parse.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var effective))
            {
                stderr.WriteLine($"Lỗi: --date \"{parse.GetValue(date)}\": cần ngày dạng yyyy-MM-dd.");
                return CliApp.UnreadableExitCode;
            }

            if (database.Resolve(parse, stderr) is not { } resolved)
            {
                return CliApp.UnreadableExitCode;
            }

            return await UseCaseRunner.RunAsync(resolved, stderr,
                services => body(parse, effective, services.GetRequiredService<UnitLineageService>(), stdout, cancellationToken), cancellationToken);
        });
        return command;
    }
}
