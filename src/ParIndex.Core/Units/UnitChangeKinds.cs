namespace ParIndex.Core.Units;

/// <summary>The kinds of lineage change, as stored, with their words in both languages.</summary>
public static class UnitChangeKinds
{
    public const string Merge = "merge";
    public const string Split = "split";
    public const string Rename = "rename";

    public static readonly IReadOnlyList<string> All = [Merge, Split, Rename];

    public static string Vietnamese(string kind) => kind switch
    {
        Merge => "Hợp nhất",
        Split => "Chia tách",
        Rename => "Đổi tên",
        _ => kind,
    };

    public static string English(string kind) => kind switch
    {
        Merge => "Merge",
        Split => "Split",
        Rename => "Rename",
        _ => kind,
    };
}
