namespace ParIndex.Core.Frameworks;

/// <summary>How the nodes of an entry correspond (ADR 0116).</summary>
public enum CrosswalkKind
{
    /// <summary>One old node is one new node (same, renamed or renumbered).</summary>
    OneToOne,

    /// <summary>Several old nodes were merged into one new node.</summary>
    ManyToOne,

    /// <summary>One old node was split into several new nodes.</summary>
    OneToMany,

    /// <summary>A new node with no predecessor.</summary>
    New,

    /// <summary>An old node with no successor.</summary>
    Removed,
}

/// <summary>Why an entry was suggested, so an editor can show how sure the suggestion is.</summary>
public enum CrosswalkMatch
{
    /// <summary>Same code and same normalised title.</summary>
    Code,

    /// <summary>Same normalised title (diacritics kept), different code: renumbered.</summary>
    Title,

    /// <summary>Same title only once diacritics are removed: a weak match to check by eye.</summary>
    TitleWithoutDiacritics,

    /// <summary>Same code, different title: renamed or reworded.</summary>
    CodeOnly,

    /// <summary>A leaf whose code became an inner node's (split) or the reverse (merge).</summary>
    Structure,

    /// <summary>No counterpart found (new or removed).</summary>
    None,

    /// <summary>Set or confirmed by a person.</summary>
    Manual,
}

/// <summary>One correspondence: old codes → new codes. Empty <see cref="From"/> for a new node, empty <see cref="To"/> for a removed one.</summary>
public sealed record CrosswalkEntry(CrosswalkKind Kind, IReadOnlyList<string> From, IReadOnlyList<string> To, CrosswalkMatch Match)
{
    /// <summary>True when the node counts match the kind (one-to-one 1→1, many-to-one ≥2→1, …).</summary>
    public bool HasConsistentShape => Kind switch
    {
        CrosswalkKind.OneToOne => From.Count == 1 && To.Count == 1,
        CrosswalkKind.ManyToOne => From.Count >= 2 && To.Count == 1,
        CrosswalkKind.OneToMany => From.Count == 1 && To.Count >= 2,
        CrosswalkKind.New => From.Count == 0 && To.Count == 1,
        CrosswalkKind.Removed => From.Count == 1 && To.Count == 0,
        _ => false,
    };
}

/// <summary>
/// The correspondence between the nodes of two framework versions, explicit for every node: unlike
/// <see cref="Crosswalk"/> nothing maps to itself by default, so a code reused for a different
/// criterion is never compared with its namesake. Suggested by <see cref="CrosswalkSuggester"/>,
/// edited by people, stored as a <see cref="CrosswalkFile"/>.
/// </summary>
public sealed class FrameworkCrosswalk
{
    public required string FromFrameworkId { get; init; }

    public required string FromVersion { get; init; }

    public required string ToFrameworkId { get; init; }

    public required string ToVersion { get; init; }

    public required IReadOnlyList<CrosswalkEntry> Entries { get; init; }

    /// <summary>The entry whose <see cref="CrosswalkEntry.To"/> holds this new code, or null.</summary>
    public CrosswalkEntry? ForNewCode(string code) => Entries.FirstOrDefault(e => e.To.Contains(code, StringComparer.Ordinal));

    /// <summary>The entry whose <see cref="CrosswalkEntry.From"/> holds this old code, or null.</summary>
    public CrosswalkEntry? ForOldCode(string code) => Entries.FirstOrDefault(e => e.From.Contains(code, StringComparer.Ordinal));

    /// <summary>
    /// The code map of the older <see cref="Crosswalk"/> (used by the campaigns' comparison): every
    /// old code listed, mapped to its single successor or to null when it has none or several.
    /// A merge maps every predecessor to the same code, which <c>ResultComparison</c> then refuses
    /// to compare.
    /// </summary>
    public Crosswalk ToCodeMap()
    {
        var map = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            foreach (var from in entry.From)
            {
                map[from] = entry.To.Count == 1 ? entry.To[0] : null;
            }
        }

        return new Crosswalk(FromFrameworkId, ToFrameworkId, map);
    }

    /// <summary>
    /// Problems against the two frameworks: codes that do not exist, a code in two entries on the
    /// same side, an entry whose counts do not fit its kind, a leaf in no entry. Empty when usable.
    /// Inner nodes may be left out (a split or merge is stated on the leaves); a node in no entry
    /// has no counterpart.
    /// </summary>
    public IReadOnlyList<FrameworkProblem> Validate(Framework from, Framework to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var problems = new List<FrameworkProblem>();
        var oldCodes = from.AllNodes().Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        var newCodes = to.AllNodes().Select(n => n.Code).ToHashSet(StringComparer.Ordinal);
        var seenOld = new HashSet<string>(StringComparer.Ordinal);
        var seenNew = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Entries.Count; i++)
        {
            var entry = Entries[i];
            var where = $"entries[{i + 1}]";
            if (!entry.HasConsistentShape)
            {
                problems.Add(new(where, $"Loại {CrosswalkFile.KindName(entry.Kind)} không khớp số mã: {entry.From.Count} mã cũ, {entry.To.Count} mã mới."));
            }

            Check(entry.From, oldCodes, seenOld, where, "cũ", from, problems);
            Check(entry.To, newCodes, seenNew, where, "mới", to, problems);
        }

        foreach (var node in from.Leaves().Where(n => !seenOld.Contains(n.Code)))
        {
            problems.Add(new(node.Code, $"Tiêu chí lá cũ {node.Code} chưa có trong bảng chuyển mã."));
        }

        foreach (var node in to.Leaves().Where(n => !seenNew.Contains(n.Code)))
        {
            problems.Add(new(node.Code, $"Tiêu chí lá mới {node.Code} chưa có trong bảng chuyển mã."));
        }

        return problems;
    }

    private static void Check(IReadOnlyList<string> codes, HashSet<string> known, HashSet<string> seen, string where, string side, Framework framework, List<FrameworkProblem> problems)
    {
        foreach (var code in codes)
        {
            if (!known.Contains(code))
            {
                problems.Add(new(where, $"Bộ tiêu chí {side} ({framework.Id}) không có mã {code}."));
            }
            else if (!seen.Add(code))
            {
                problems.Add(new(where, $"Mã {side} {code} nằm trong hơn một dòng của bảng chuyển mã."));
            }
        }
    }
}
