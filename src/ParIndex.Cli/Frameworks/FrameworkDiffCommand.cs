using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Numbers;

namespace ParIndex.Cli.Frameworks;

/// <summary>
/// <c>parindex framework diff OLD NEW [--json]</c>: added, removed and changed nodes (ADR 0116).
/// Exit codes: 0 equal, 1 different, 2 a framework cannot be read.
/// </summary>
internal static class FrameworkDiffCommand
{
    public const int Equal = 0;
    public const int Different = 1;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // Readable Vietnamese; the output goes to a terminal or a file, never into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly Dictionary<string, string> WhatLabels = new(StringComparer.Ordinal)
    {
        [FrameworkDiff.Parent] = "chuyển nút cha",
        [FrameworkDiff.Order] = "đổi thứ tự",
        [FrameworkDiff.Title] = "đổi tên",
        [FrameworkDiff.Max] = "điểm chuẩn",
        [FrameworkDiff.Rule] = "cách chấm điểm",
        [FrameworkDiff.Guidance] = "hướng dẫn",
    };

    public static Command Create()
    {
        var (oldArgument, newArgument) = FrameworkInputs.OldAndNew();
        var json = new Option<bool>("--json") { Description = "In kết quả dạng JSON: added, removed, changed, renumbered" };
        var command = new Command("diff", "So sánh hai bộ tiêu chí theo mã: nút thêm, bỏ, đổi tên, đổi điểm, đổi cách chấm, chuyển chỗ. "
            + "Mã thoát: 0 giống nhau, 1 khác nhau, 2 không đọc được.") { oldArgument, newArgument, json };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(oldArgument),
            parse.GetRequiredValue(newArgument),
            parse.GetValue(json),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error));
        return command;
    }

    public static int Run(string oldPath, string newPath, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (FrameworkInputs.LoadBoth(oldPath, newPath, stderr) is not var (before, after))
        {
            return FrameworkCommands.Unreadable;
        }

        var diff = FrameworkDiff.Compare(before, after);
        if (json)
        {
            WriteJson(diff, stdout);
        }
        else
        {
            WriteText(diff, oldPath, newPath, stdout);
        }

        return diff.IsEmpty ? Equal : Different;
    }

    private static void WriteText(FrameworkDiffResult diff, string oldPath, string newPath, TextWriter output)
    {
        output.WriteLine($"So sánh {oldPath} → {newPath}");
        if (diff.IsEmpty)
        {
            output.WriteLine("Hai bộ tiêu chí giống nhau: không có nút nào thêm, bỏ hay thay đổi.");
            return;
        }

        if (diff.Added.Count > 0)
        {
            output.WriteLine($"Thêm ({diff.Added.Count}): {string.Join(", ", diff.Added)}");
        }

        if (diff.Removed.Count > 0)
        {
            output.WriteLine($"Bỏ ({diff.Removed.Count}): {string.Join(", ", diff.Removed)}");
        }

        if (diff.Renumbered.Count > 0)
        {
            output.WriteLine($"Có thể là đánh số lại (cùng tên và điểm chuẩn): {string.Join(", ", diff.Renumbered.Select(r => $"{r.OldCode} → {r.NewCode}"))}");
        }

        if (diff.Changed.Count > 0)
        {
            output.WriteLine($"Thay đổi ({diff.Changed.Count}):");
            foreach (var change in diff.Changed)
            {
                output.WriteLine($"  {change.Code}  {WhatLabels[change.What]}: {Value(change, change.Old)} → {Value(change, change.New)}");
            }
        }

        output.WriteLine($"Tổng cộng: {diff.Added.Count} thêm, {diff.Removed.Count} bỏ, {diff.Changed.Count} thay đổi.");
    }

    private static string Value(FrameworkChange change, string? value) => value switch
    {
        null when change.What == FrameworkDiff.Parent => "(cấp lĩnh vực)",
        null => "(không có)",
        _ when change.What == FrameworkDiff.Max => VietnameseNumbers.FormatPoints(decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ when change.What is FrameworkDiff.Title or FrameworkDiff.Guidance => $"\"{value}\"",
        _ => value,
    };

    private static void WriteJson(FrameworkDiffResult diff, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            WriteCodes(w, "added", diff.Added);
            WriteCodes(w, "removed", diff.Removed);
            w.WriteStartArray("changed");
            foreach (var change in diff.Changed)
            {
                w.WriteStartObject();
                w.WriteString("code", change.Code);
                w.WriteString("what", change.What);
                w.WriteString("old", change.Old);
                w.WriteString("new", change.New);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("renumbered");
            foreach (var hint in diff.Renumbered)
            {
                w.WriteStartObject();
                w.WriteString("old", hint.OldCode);
                w.WriteString("new", hint.NewCode);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteCodes(Utf8JsonWriter w, string name, IReadOnlyList<string> codes)
    {
        w.WriteStartArray(name);
        foreach (var code in codes)
        {
            w.WriteStringValue(code);
        }

        w.WriteEndArray();
    }
}
