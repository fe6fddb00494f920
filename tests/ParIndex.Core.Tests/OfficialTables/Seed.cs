using System.Text;
using System.Text.RegularExpressions;
using ParIndex.Core.OfficialTables;

namespace ParIndex.Core.Tests.OfficialTables;

/// <summary>The seed (Bắc Giang 2023 self-assessment table) and helpers to derive variants of it.</summary>
internal static class Seed
{
    public static readonly string Path = System.IO.Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2023-self-assessment.txt");

    public static string Text => File.ReadAllText(Path, Encoding.UTF8);

    public static OfficialTable Read() => Read(Text);

    public static OfficialTable Read(string text) => OfficialTableTextReader.Read(Encoding.UTF8.GetBytes(text));

    public static OfficialTableFormatException ReadFails(string text) =>
        Assert.Throws<OfficialTableFormatException>(() => Read(text));

    /// <summary>The lines of the seed (LF), 1-based line n is index n − 1.</summary>
    public static List<string> Lines() => [.. Text.Split('\n')];

    public static string Join(IEnumerable<string> lines) => string.Join("\n", lines);

    /// <summary>Index (0-based) of the line that starts the row with this code.</summary>
    public static int IndexOfRow(List<string> lines, string code) =>
        lines.FindIndex(l => Regex.Replace(l.Split('\t')[0], "<[^>]+>", "") == code);

    /// <summary>Replaces one cell (0-based) of the row with this code.</summary>
    public static string WithCell(string text, string code, int cell, string value)
    {
        var lines = Text == text ? Lines() : [.. text.Split('\n')];
        var i = IndexOfRow(lines, code);
        Assert.True(i >= 0, $"row {code} not found");
        var cells = lines[i].Split('\t');
        cells[cell] = value;
        lines[i] = string.Join("\t", cells);
        return Join(lines);
    }

    public static OfficialTableRow Row(this OfficialTable table, string code) =>
        table.AllRows().Single(r => r.Code == code);
}
