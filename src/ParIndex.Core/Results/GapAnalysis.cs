using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Core.Results;

/// <summary>One leaf where points were lost.</summary>
/// <param name="Recoverable">True for self-assessed leaves (the unit's own actions recover them);
/// survey leaves depend on how respondents perceive the unit and are listed after.</param>
public sealed record GapItem(string Code, string Title, string FieldCode, decimal Max, decimal Points, decimal Lost, bool Recoverable)
{
    /// <summary>The points lost as a share of the applicable total maximum, in percent of the index.</summary>
    public decimal IndexPointsLost { get; init; }
}

/// <summary>
/// Where a unit lost points (SPEC 2.8): every applicable leaf below its maximum, recoverable ones
/// first, each group sorted by points lost (largest first), then by official order.
/// </summary>
public static class GapAnalysis
{
    public static IReadOnlyList<GapItem> Analyse(Framework framework, AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(result);
        var totalMax = result.Total.Max;
        var order = 0;
        var items = new List<(GapItem Item, int Order)>();
        foreach (var field in framework.Nodes)
        {
            foreach (var leaf in field.SelfAndDescendants().Where(n => n.IsLeaf))
            {
                order++;
                if (!result.Nodes.TryGetValue(leaf.Code, out var node) || node.Max == 0 || node.Points >= node.Max)
                {
                    continue;
                }

                var lost = node.Max - node.Points;
                items.Add((new GapItem(leaf.Code, leaf.Title, field.Code, node.Max, node.Points, lost, !leaf.IsSurvey)
                {
                    IndexPointsLost = totalMax == 0 ? 0 : lost / totalMax * 100m,
                }, order));
            }
        }

        return items
            .OrderByDescending(x => x.Item.Recoverable)
            .ThenByDescending(x => x.Item.Lost)
            .ThenBy(x => x.Order)
            .Select(x => x.Item)
            .ToList();
    }
}
