namespace ParIndex.Core.Frameworks;

/// <summary>
/// Suggests the crosswalk between two framework versions (ADR 0116), in passes from the surest to
/// the weakest so a sure match is never taken by a weaker one:
/// <list type="number">
/// <item>same code and same normalised title (<see cref="CrosswalkMatch.Code"/>);</item>
/// <item>same normalised title, diacritics kept (<see cref="CrosswalkMatch.Title"/>: renumbered);</item>
/// <item>same title without diacritics (<see cref="CrosswalkMatch.TitleWithoutDiacritics"/>, weak);</item>
/// <item>same code, different title, both leaves or both inner (<see cref="CrosswalkMatch.CodeOnly"/>: renamed);</item>
/// <item>structure: an old leaf whose code is now an unmatched inner node was split (one-to-many onto
/// its leaves), an old inner node whose code is now an unmatched leaf was merged (many-to-one from its leaves).</item>
/// </list>
/// What is left is new or removed. Title passes pair the k-th old node with the k-th new node of the
/// same key, in framework order, so the result is deterministic.
/// </summary>
public static class CrosswalkSuggester
{
    public static FrameworkCrosswalk Suggest(Framework oldFramework, Framework newFramework)
    {
        ArgumentNullException.ThrowIfNull(oldFramework);
        ArgumentNullException.ThrowIfNull(newFramework);
        var olds = Distinct(oldFramework);
        var news = Distinct(newFramework);
        var oldByCode = olds.ToDictionary(n => n.Code, StringComparer.Ordinal);
        var usedOld = new HashSet<string>(StringComparer.Ordinal);
        var usedNew = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<CrosswalkEntry>();

        void Pair(FrameworkNode from, FrameworkNode to, CrosswalkMatch match)
        {
            usedOld.Add(from.Code);
            usedNew.Add(to.Code);
            entries.Add(new(CrosswalkKind.OneToOne, [from.Code], [to.Code], match));
        }

        foreach (var now in news)
        {
            if (oldByCode.TryGetValue(now.Code, out var was) && TitleNormalizer.Normalize(was.Title) == TitleNormalizer.Normalize(now.Title))
            {
                Pair(was, now, CrosswalkMatch.Code);
            }
        }

        PairByKey(olds, news, usedOld, usedNew, TitleNormalizer.Normalize, (a, b) => Pair(a, b, CrosswalkMatch.Title));
        PairByKey(olds, news, usedOld, usedNew, TitleNormalizer.WithoutDiacritics, (a, b) => Pair(a, b, CrosswalkMatch.TitleWithoutDiacritics));

        foreach (var now in news.Where(n => !usedNew.Contains(n.Code)))
        {
            // A leaf and an inner node under one code are a split or a merge, left to the structure pass.
            if (oldByCode.TryGetValue(now.Code, out var was) && !usedOld.Contains(was.Code) && was.IsLeaf == now.IsLeaf)
            {
                Pair(was, now, CrosswalkMatch.CodeOnly);
            }
        }

        foreach (var now in news.Where(n => !usedNew.Contains(n.Code)))
        {
            if (!oldByCode.TryGetValue(now.Code, out var was) || usedOld.Contains(was.Code) || was.IsLeaf == now.IsLeaf)
            {
                continue;
            }

            // The leaf side is the single node; the inner side contributes its leaves, all of which
            // must still be free: a leaf already matched elsewhere means this is not a plain split or merge.
            var inner = was.IsLeaf ? now : was;
            var innerUsed = was.IsLeaf ? usedNew : usedOld;
            var parts = inner.SelfAndDescendants().ToList();
            if (parts.Any(p => innerUsed.Contains(p.Code)))
            {
                continue;
            }

            var leaves = parts.Where(p => p.IsLeaf).Select(p => p.Code).ToList();
            foreach (var part in parts)
            {
                innerUsed.Add(part.Code);
            }

            if (was.IsLeaf)
            {
                usedOld.Add(was.Code);
            }
            else
            {
                usedNew.Add(now.Code);
            }

            // An inner node with a single leaf is that leaf under another name: one-to-one.
            var single = leaves.Count == 1;
            entries.Add(was.IsLeaf
                ? new(single ? CrosswalkKind.OneToOne : CrosswalkKind.OneToMany, [was.Code], leaves, CrosswalkMatch.Structure)
                : new(single ? CrosswalkKind.OneToOne : CrosswalkKind.ManyToOne, leaves, [now.Code], CrosswalkMatch.Structure));
        }

        entries.AddRange(news.Where(n => !usedNew.Contains(n.Code)).Select(n => new CrosswalkEntry(CrosswalkKind.New, [], [n.Code], CrosswalkMatch.None)));
        entries.AddRange(olds.Where(n => !usedOld.Contains(n.Code)).Select(n => new CrosswalkEntry(CrosswalkKind.Removed, [n.Code], [], CrosswalkMatch.None)));

        return new FrameworkCrosswalk
        {
            FromFrameworkId = oldFramework.Id,
            FromVersion = oldFramework.Version,
            ToFrameworkId = newFramework.Id,
            ToVersion = newFramework.Version,
            Entries = Ordered(entries, olds, news),
        };
    }

    private static void PairByKey(
        List<FrameworkNode> olds, List<FrameworkNode> news, HashSet<string> usedOld, HashSet<string> usedNew,
        Func<string, string> key, Action<FrameworkNode, FrameworkNode> pair)
    {
        var waiting = olds.Where(n => !usedOld.Contains(n.Code))
            .Select(n => (Node: n, Key: key(n.Title)))
            .Where(n => n.Key.Length > 0)
            .ToList();
        foreach (var now in news.Where(n => !usedNew.Contains(n.Code)).ToList())
        {
            var k = key(now.Title);
            var index = k.Length == 0 ? -1 : waiting.FindIndex(w => w.Key == k);
            if (index >= 0)
            {
                pair(waiting[index].Node, now);
                waiting.RemoveAt(index);
            }
        }
    }

    /// <summary>Entries in the new framework's order; removed ones after them, in the old framework's order.</summary>
    private static List<CrosswalkEntry> Ordered(List<CrosswalkEntry> entries, List<FrameworkNode> olds, List<FrameworkNode> news)
    {
        var newIndex = news.Select((n, i) => (n.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        var oldIndex = olds.Select((n, i) => (n.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        return entries
            .OrderBy(e => e.To.Count == 0 ? 1 : 0)
            .ThenBy(e => e.To.Count == 0 ? oldIndex[e.From[0]] : newIndex[e.To[0]])
            .ToList();
    }

    /// <summary>Nodes in framework order; a repeated code (an invalid framework) keeps its first place.</summary>
    private static List<FrameworkNode> Distinct(Framework framework)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return framework.AllNodes().Where(n => seen.Add(n.Code)).ToList();
    }
}
