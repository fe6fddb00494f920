using System.Reflection;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// The frameworks shipped with ParIndex, stored as framework files embedded in this assembly
/// (<c>Frameworks/BuiltIn/*.json</c>). They are data like any imported framework; only their
/// location differs.
/// </summary>
public static class BuiltInFrameworks
{
    /// <summary>The id of the 2023 provincial PAR INDEX (876/QĐ-BNV).</summary>
    public const string Province2023Id = "par-index-province-2023";

    private const string ResourcePrefix = "ParIndex.Core.Frameworks.BuiltIn.";

    /// <summary>The ids of the built-in frameworks, in a stable order.</summary>
    public static IReadOnlyList<string> Ids { get; } = typeof(BuiltInFrameworks).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    private static readonly Lazy<IReadOnlyList<Framework>> Loaded = new(() => Ids.Select(Load).ToList());

    /// <summary>PAR INDEX cấp tỉnh 2023: 8 fields, 100 points, 32 of them from the survey.</summary>
    public static Framework Province2023 => Get(Province2023Id);

    /// <summary>Every built-in framework.</summary>
    public static IReadOnlyList<Framework> All => Loaded.Value;

    /// <summary>The built-in framework with this id, or null.</summary>
    public static Framework? Find(string id) => All.FirstOrDefault(f => f.Id == id);

    /// <summary>The built-in framework with this id; throws <see cref="KeyNotFoundException"/> when unknown.</summary>
    public static Framework Get(string id) =>
        Find(id) ?? throw new KeyNotFoundException($"Không có bộ tiêu chí dựng sẵn \"{id}\". Các bộ có sẵn: {string.Join(", ", Ids)}.");

    /// <summary>Opens the built-in file exactly as shipped, for export; null when the id is unknown.</summary>
    public static Stream? OpenFile(string id) =>
        Ids.Contains(id) ? Assembly.GetManifestResourceStream(ResourcePrefix + id + ".json") : null;

    private static Assembly Assembly => typeof(BuiltInFrameworks).Assembly;

    private static Framework Load(string id)
    {
        using var stream = OpenFile(id)!;
        var framework = FrameworkFile.Read(stream);
        if (framework.Id != id)
        {
            throw new InvalidDataException($"Tệp dựng sẵn {id}.json khai báo id \"{framework.Id}\".");
        }

        return framework;
    }
}
