namespace ParIndex.Core.Frameworks;

/// <summary>
/// A versioned criteria tree (bộ tiêu chí) for one year and one kind of unit.
/// Frameworks are data: they are read from and written to framework files, never hard-coded.
/// </summary>
public sealed class Framework
{
    /// <summary>Stable identifier, e.g. <c>par-index-province-2023</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Version of this framework within its id (e.g. <c>1</c>, <c>2024.2</c>).</summary>
    public required string Version { get; init; }

    public required int Year { get; init; }

    /// <summary>Human title, e.g. <c>PAR INDEX cấp tỉnh 2023</c>.</summary>
    public required string Title { get; init; }

    /// <summary>The kind of unit assessed: province, ministry, department, district, commune…</summary>
    public string UnitKind { get; init; } = "province";

    /// <summary>The legal basis, e.g. <c>876/QĐ-BNV</c>.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>The top-level nodes (fields), in official order.</summary>
    public required IReadOnlyList<FrameworkNode> Nodes { get; init; }

    /// <summary>Every node, depth first in official order.</summary>
    public IEnumerable<FrameworkNode> AllNodes() => Nodes.SelectMany(n => n.SelfAndDescendants());

    /// <summary>Every leaf, in official order.</summary>
    public IEnumerable<FrameworkNode> Leaves() => AllNodes().Where(n => n.IsLeaf);

    /// <summary>The total maximum: the sum of the fields' maxima.</summary>
    public decimal TotalMax => Nodes.Sum(n => n.Max);

    /// <summary>The points that come from the sociological survey: the sum of the survey leaves' maxima.</summary>
    public decimal SurveyMax => Leaves().Where(n => n.IsSurvey).Sum(n => n.Max);

    /// <summary>Finds a node by its code, or null.</summary>
    public FrameworkNode? Find(string code) => AllNodes().FirstOrDefault(n => n.Code == code);
}
