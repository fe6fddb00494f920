using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Results;

/// <summary>The change of one node's index between two campaigns, in percentage points.</summary>
public sealed record IndexChange(string Code, decimal? Previous, decimal? Current)
{
    public decimal? Change => Previous is { } p && Current is { } c ? c - p : null;
}

/// <summary>
/// Year-over-year comparison of one unit (SPEC 2.8): total and per field, through a crosswalk when
/// the framework's codes changed. Indices are compared, not points, since maxima may change.
/// </summary>
public static class ResultComparison
{
    public static IReadOnlyList<IndexChange> Compare(
        Framework previousFramework, AssessmentResult previous,
        Framework currentFramework, AssessmentResult current,
        Crosswalk? crosswalk = null)
    {
        ArgumentNullException.ThrowIfNull(previousFramework);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(currentFramework);
        ArgumentNullException.ThrowIfNull(current);
        crosswalk ??= Crosswalk.Identity(previousFramework, currentFramework);
        var previousByCurrentCode = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in previousFramework.AllNodes())
        {
            var translated = crosswalk.Translate(node.Code, currentFramework);
            if (translated is not null && previous.Nodes.TryGetValue(node.Code, out var result))
            {
                // Two old nodes onto one new node (a merge): either index alone would be a made-up
                // change, so the node is not compared here (CompareNodes combines them).
                if (!previousByCurrentCode.TryAdd(translated, result.Index))
                {
                    merged.Add(translated);
                }
            }
        }

        foreach (var code in merged)
        {
            previousByCurrentCode[code] = null;
        }

        var changes = new List<IndexChange> { new(AssessmentResult.TotalCode, previous.Total.Index, current.Total.Index) };
        foreach (var field in currentFramework.Nodes)
        {
            previousByCurrentCode.TryGetValue(field.Code, out var before);
            changes.Add(new IndexChange(field.Code, before, current.Nodes.TryGetValue(field.Code, out var now) ? now.Index : null));
        }

        return changes;
    }

    /// <summary>
    /// The change of every node of the current framework (total first, then depth first in official
    /// order) against the previous campaign, following an explicit crosswalk: a one-to-one entry
    /// compares the two nodes' indices; a many-to-one entry compares with the predecessors' summed
    /// points over their summed maxima (<see cref="NodeComparability.Combined"/>); a new node, a
    /// split, a node in no entry or a predecessor without a result is
    /// <see cref="NodeComparability.NotComparable"/> with no change, never a made-up one.
    /// </summary>
    /// <exception cref="ArgumentException">The crosswalk is between other framework versions.</exception>
    public static IReadOnlyList<NodeChange> CompareNodes(
        Framework previousFramework, AssessmentResult previous,
        Framework currentFramework, AssessmentResult current,
        FrameworkCrosswalk crosswalk)
    {
        ArgumentNullException.ThrowIfNull(previousFramework);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(currentFramework);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(crosswalk);
        if (crosswalk.FromFrameworkId != previousFramework.Id || crosswalk.FromVersion != previousFramework.Version
            || crosswalk.ToFrameworkId != currentFramework.Id || crosswalk.ToVersion != currentFramework.Version)
        {
            throw new ArgumentException(
                $"Bảng chuyển mã nối {crosswalk.FromFrameworkId} {crosswalk.FromVersion} với {crosswalk.ToFrameworkId} {crosswalk.ToVersion}, " +
                $"không phải {previousFramework.Id} {previousFramework.Version} với {currentFramework.Id} {currentFramework.Version}.",
                nameof(crosswalk));
        }

        var changes = new List<NodeChange>
        {
            new(AssessmentResult.TotalCode, previous.Total.Index, current.Total.Index, NodeComparability.Direct, []),
        };
        foreach (var node in currentFramework.AllNodes())
        {
            var now = current.Nodes.TryGetValue(node.Code, out var result) ? result.Index : null;
            var entry = crosswalk.ForNewCode(node.Code);
            var before = entry?.Kind is CrosswalkKind.OneToOne or CrosswalkKind.ManyToOne
                ? entry.From.Select(code => previous.Nodes.TryGetValue(code, out var r) ? r : null).ToList()
                : [];
            if (before.Count == 0 || before.Contains(null))
            {
                changes.Add(new(node.Code, null, now, NodeComparability.NotComparable, entry?.From ?? []));
                continue;
            }

            var index = NodeResult.Sum(node.Code, before!).Index;
            changes.Add(new(node.Code, index, now, before.Count == 1 ? NodeComparability.Direct : NodeComparability.Combined, entry!.From));
        }

        return changes;
    }
}

/// <summary>How a node's previous value was found.</summary>
public enum NodeComparability
{
    /// <summary>Its one predecessor's index.</summary>
    Direct,

    /// <summary>The merged predecessors' points over their maxima: a comparison, but not a direct one.</summary>
    Combined,

    /// <summary>No counterpart (new node, split, no entry, no result): no change is shown.</summary>
    NotComparable,
}

/// <summary>The change of one node's index against the previous campaign, through a <see cref="FrameworkCrosswalk"/>.</summary>
/// <param name="PreviousCodes">The old codes compared with (for a merge, all of them).</param>
public sealed record NodeChange(string Code, decimal? Previous, decimal? Current, NodeComparability Comparability, IReadOnlyList<string> PreviousCodes)
{
    /// <summary>What the results show instead of a change when there is no counterpart.</summary>
    public const string NotComparableText = "không so sánh được";

    /// <summary>Current − previous in percentage points; null when not comparable or a side has no index.</summary>
    public decimal? Change => Comparability != NodeComparability.NotComparable && Previous is { } p && Current is { } c ? c - p : null;
}
