namespace ParIndex.Application.Workflow;

/// <summary>
/// The unit types (the stored <c>Unit.Kind</c> keys) and how users read them, Vietnamese and
/// English: the one mapping every page, export and message uses, never the key itself.
/// </summary>
public static class UnitKindNames
{
    private static readonly (string Key, string Vietnamese, string English)[] Kinds =
    [
        ("province", "Tỉnh, thành phố trực thuộc trung ương", "Province or centrally governed city"),
        ("ministry", "Bộ, cơ quan ngang bộ", "Ministry or ministry-level agency"),
        ("department", "Sở, ban, ngành", "Provincial department"),
        ("district", "Huyện, thị xã, thành phố thuộc tỉnh", "District"),
        ("commune", "Xã, phường, thị trấn", "Commune or ward"),
        ("agency", "Cơ quan, đơn vị khác", "Other agency"),
    ];

    /// <summary>The stored keys, in the order forms list them.</summary>
    public static IReadOnlyList<string> All { get; } = Kinds.Select(k => k.Key).ToArray();

    /// <summary>The Vietnamese name; an unknown key (data from elsewhere) is shown as it is.</summary>
    public static string Vietnamese(string? kind) => Kinds.FirstOrDefault(k => k.Key == kind).Vietnamese ?? kind ?? "";

    public static string English(string? kind) => Kinds.FirstOrDefault(k => k.Key == kind).English ?? kind ?? "";

    public static string Name(string? kind, bool english) => english ? English(kind) : Vietnamese(kind);
}
