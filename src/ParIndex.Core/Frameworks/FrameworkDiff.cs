using System.Globalization;
using ParIndex.Core.Numbers;

namespace ParIndex.Core.Frameworks;

/// <summary>
/// What changed in one node between two framework versions. <see cref="What"/> is one of
/// <see cref="FrameworkDiff.Kinds"/>; <see cref="Old"/> and <see cref="New"/> are the values as
/// text (null where there is none, e.g. the parent of a field or a level that did not exist).
/// </summary>
public sealed record FrameworkChange(string Code, string What, string? Old, string? New);

/// <summary>A likely renumbering: a removed and an added node with the same normalised title and maximum.</summary>
public sealed record FrameworkRenumbering(string OldCode, string NewCode);

/// <summary>The differences between two framework versions, every list in framework order.</summary>
public sealed class FrameworkDiffResult
{
    /// <summary>Codes only in the new version, in its order.</summary>
    public required IReadOnlyList<string> Added { get; init; }

    /// <summary>Codes only in the old version, in its order.</summary>
    public required IReadOnlyList<string> Removed { get; init; }

    /// <summary>Changes of nodes present in both, in the new version's order.</summary>
    public required IReadOnlyList<FrameworkChange> Changed { get; init; }

    /// <summary>Hints only: the codes stay in <see cref="Added"/> and <see cref="Removed"/>.</summary>
    public required IReadOnlyList<FrameworkRenumbering> Renumbered { get; init; }

    public bool IsEmpty => Added.Count == 0 && Removed.Count == 0 && Changed.Count == 0;
}

/// <summary>
/// Compares two frameworks node by node, matched by code (ADR 0116). Titles are compared after
/// NFC, whitespace collapsing and dropping a final full stop, maxima and rule numbers as decimals (1.0 = 1.00), so neither
/// the file's layout nor a decimal's scale counts as a change. Header properties (id, version,
/// year, title) are not nodes and are not compared.
/// </summary>
public static class FrameworkDiff
{
    public const string Title = "title";
    public const string Max = "max";
    public const string Rule = "rule";
    public const string Parent = "parent";
    public const string Order = "order";
    public const string Guidance = "guidance";

    /// <summary>The values of <see cref="FrameworkChange.What"/>, in the order a node's changes are listed.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Parent, Order, Title, Max, Rule, Guidance];

    public static FrameworkDiffResult Compare(Framework oldFramework, Framework newFramework)
    {
        ArgumentNullException.ThrowIfNull(oldFramework);
        ArgumentNullException.ThrowIfNull(newFramework);
        var before = Index(oldFramework);
        var after = Index(newFramework);

        var added = after.Keys.Where(code => !before.ContainsKey(code)).ToList();
        var removed = before.Keys.Where(code => !after.ContainsKey(code)).ToList();
        var changed = new List<FrameworkChange>();
        foreach (var (code, now) in after)
        {
            if (before.TryGetValue(code, out var was))
            {
                CompareNode(code, was, now, before, after, changed);
            }
        }

        return new FrameworkDiffResult
        {
            Added = added,
            Removed = removed,
            Changed = changed,
            Renumbered = Renumberings(removed, added, before, after),
        };
    }

    private static void CompareNode(string code, Placed was, Placed now, OrderedDictionary<string, Placed> before, OrderedDictionary<string, Placed> after, List<FrameworkChange> changes)
    {
        if (was.Parent != now.Parent)
        {
            changes.Add(new(code, Parent, was.Parent, now.Parent));
        }
        else
        {
            var oldRank = SiblingRank(code, was, after);
            var newRank = SiblingRank(code, now, before);
            if (oldRank != newRank)
            {
                changes.Add(new(code, Order, oldRank.ToString(CultureInfo.InvariantCulture), newRank.ToString(CultureInfo.InvariantCulture)));
            }
        }

        if (TitleNormalizer.ForComparison(was.Node.Title) != TitleNormalizer.ForComparison(now.Node.Title))
        {
            changes.Add(new(code, Title, was.Node.Title, now.Node.Title));
        }

        if (was.Node.Max != now.Node.Max)
        {
            changes.Add(new(code, Max, Number(was.Node.Max), Number(now.Node.Max)));
        }

        CompareRules(code, was.Node, now.Node, changes);

        var oldGuidance = string.IsNullOrWhiteSpace(was.Node.Guidance) ? null : was.Node.Guidance;
        var newGuidance = string.IsNullOrWhiteSpace(now.Node.Guidance) ? null : now.Node.Guidance;
        if (TitleNormalizer.Tidy(oldGuidance) != TitleNormalizer.Tidy(newGuidance))
        {
            changes.Add(new(code, Guidance, oldGuidance, newGuidance));
        }
    }

    /// <summary>
    /// The 1-based rank of a node among the siblings it keeps (same parent in both versions), so
    /// that inserting or removing a sibling does not mark every later sibling as moved.
    /// </summary>
    private static int SiblingRank(string code, Placed placed, OrderedDictionary<string, Placed> other) =>
        placed.Siblings.Where(s => other.TryGetValue(s, out var there) && there.Parent == placed.Parent).ToList().IndexOf(code) + 1;

    private static void CompareRules(string code, FrameworkNode was, FrameworkNode now, List<FrameworkChange> changes)
    {
        // An inner node has no rule; a leaf without one is scored manually (EffectiveRule).
        var oldRule = was.IsLeaf ? was.EffectiveRule : null;
        var newRule = now.IsLeaf ? now.EffectiveRule : null;
        if (oldRule is null && newRule is null)
        {
            return;
        }

        if (oldRule is null || newRule is null || oldRule.Method != newRule.Method)
        {
            changes.Add(new(code, Rule, Describe(oldRule), Describe(newRule)));
            return;
        }

        var oldFacets = Facets(oldRule);
        var newFacets = Facets(newRule);
        foreach (var key in oldFacets.Keys.Concat(newFacets.Keys).Distinct())
        {
            oldFacets.TryGetValue(key, out var oldValue);
            newFacets.TryGetValue(key, out var newValue);
            if (oldValue != newValue)
            {
                changes.Add(new(code, Rule, oldValue is null ? null : $"{key}: {oldValue}", newValue is null ? null : $"{key}: {newValue}"));
            }
        }
    }

    /// <summary>The whole rule on one line, e.g. <c>ratio (mục tiêu: 1; tử số: Tử số (count); …)</c>.</summary>
    public static string? Describe(ScoringRule? rule)
    {
        if (rule is null)
        {
            return null;
        }

        var facets = Facets(rule);
        return facets.Count == 0 ? rule.Method : $"{rule.Method} ({string.Join("; ", facets.Select(f => $"{f.Key}: {f.Value}"))})";
    }

    /// <summary>
    /// The parameters of a rule as named texts in a fixed order. Levels are keyed by their key and
    /// inputs by their name (so reordering is not a change of each), bands by their position.
    /// </summary>
    internal static Dictionary<string, string> Facets(ScoringRule rule)
    {
        var facets = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (rule)
        {
            case LevelsRule levels:
                foreach (var level in levels.Levels)
                {
                    facets.TryAdd($"mức {level.Key}", $"{level.Label} = {Number(level.Points)}");
                }

                break;
            case BandsRule bands:
                facets["nhãn"] = bands.InputLabel;
                facets["loại số liệu"] = FigureKinds.Name(bands.InputKind);
                for (var i = 0; i < bands.Bands.Count; i++)
                {
                    facets[$"khoảng {i + 1}"] = Band(bands.Bands[i]);
                }

                break;
            case RatioRule ratio:
                facets["mục tiêu"] = Number(ratio.Target);
                facets["tử số"] = $"{ratio.NumeratorLabel} ({FigureKinds.Name(ratio.NumeratorKind)})";
                facets["mẫu số"] = $"{ratio.DenominatorLabel} ({FigureKinds.Name(ratio.DenominatorKind)})";
                break;
            case ExpressionRule expression:
                facets["công thức"] = expression.Formula;
                foreach (var input in expression.Inputs)
                {
                    facets.TryAdd($"biến {input.Name}", $"{input.Label} ({FigureKinds.Name(input.Kind)})");
                }

                break;
            case BonusPenaltyRule bonusPenalty:
                facets["tối thiểu"] = Number(bonusPenalty.Min);
                facets["tối đa"] = Number(bonusPenalty.Max);
                break;
        }

        return facets;
    }

    private static string Band(ScoreBand band)
    {
        var from = band.From is { } f ? Number(f) : "−∞";
        var to = band.To is { } t ? Number(t) : "+∞";
        var text = $"{(band.FromExclusive ? "(" : "[")}{from}; {to}{(band.ToInclusive ? "]" : ")")} → {Number(band.Points)}";
        return band.Label is null ? text : $"{text} \"{band.Label}\"";
    }

    /// <summary>A decimal without its scale: 1.00 and 1.0 both read <c>1</c>.</summary>
    internal static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static List<FrameworkRenumbering> Renumberings(List<string> removed, List<string> added, OrderedDictionary<string, Placed> before, OrderedDictionary<string, Placed> after)
    {
        var hints = new List<FrameworkRenumbering>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var newCode in added)
        {
            var now = after[newCode].Node;
            var key = TitleNormalizer.Normalize(now.Title);
            if (key.Length == 0)
            {
                continue;
            }

            // The first removed node in old order with the same wording and maximum; each pairs once.
            var match = removed.FirstOrDefault(oldCode => !taken.Contains(oldCode)
                && before[oldCode].Node.Max == now.Max
                && TitleNormalizer.Normalize(before[oldCode].Node.Title) == key);
            if (match is not null)
            {
                taken.Add(match);
                hints.Add(new(match, newCode));
            }
        }

        return hints;
    }

    /// <summary>Every node by code with its parent and siblings; a repeated code (an invalid file) keeps its first place.</summary>
    private static OrderedDictionary<string, Placed> Index(Framework framework)
    {
        var nodes = new OrderedDictionary<string, Placed>(StringComparer.Ordinal);
        Add(framework.Nodes, null, nodes);
        return nodes;
    }

    private static void Add(IReadOnlyList<FrameworkNode> siblings, string? parent, OrderedDictionary<string, Placed> nodes)
    {
        var codes = siblings.Select(s => s.Code).ToList();
        foreach (var node in siblings)
        {
            nodes.TryAdd(node.Code, new Placed(node, parent, codes));
            Add(node.Children, node.Code, nodes);
        }
    }

    private sealed record Placed(FrameworkNode Node, string? Parent, IReadOnlyList<string> Siblings);
}
