using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Scoring;

/// <summary>The points of one leaf as they enter the aggregation.</summary>
/// <param name="Points">Points, or null when not scored yet (counts as 0, and as "to do").</param>
/// <param name="NotApplicable">The leaf does not apply to the unit: it leaves the points and the maximum.</param>
public readonly record struct LeafScore(decimal? Points, bool NotApplicable = false);

/// <summary>
/// Aggregates leaf points up the framework tree (SPEC 2.3): a node's points are the sum of its
/// children's, its maximum the sum of the applicable children's maxima, its index points / max.
/// </summary>
public static class AssessmentCalculator
{
    public static AssessmentResult Calculate(Framework framework, IReadOnlyDictionary<string, LeafScore> leaves) =>
        Calculate(framework, leaves, IndexBase.FullMaximum);

    /// <param name="indexBase">
    /// <see cref="IndexBase.SelfAssessedMaximum"/> when the campaign does not run the framework's
    /// survey: the survey leaves then leave the points, the maximum and the progress, so every index
    /// is taken over the self-assessed maximum (ADR 0127).
    /// </param>
    public static AssessmentResult Calculate(Framework framework, IReadOnlyDictionary<string, LeafScore> leaves, IndexBase indexBase)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(leaves);
        var results = new Dictionary<string, NodeResult>(StringComparer.Ordinal);
        var fields = new List<NodeResult>(framework.Nodes.Count);
        foreach (var field in framework.Nodes)
        {
            fields.Add(Aggregate(field, leaves, indexBase, results));
        }

        var total = NodeResult.Sum(AssessmentResult.TotalCode, fields);
        return new AssessmentResult(total, fields, results);
    }

    private static NodeResult Aggregate(FrameworkNode node, IReadOnlyDictionary<string, LeafScore> leaves, IndexBase indexBase, Dictionary<string, NodeResult> results)
    {
        NodeResult result;
        if (node.IsLeaf && node.IsSurvey && indexBase == IndexBase.SelfAssessedMaximum)
        {
            // Not run: neither points nor maximum, and not a leaf to do; FullMax keeps the framework's figure.
            result = new NodeResult(node.Code, 0m, 0m, node.Max, 0m, 0, 0, 0);
        }
        else if (node.IsLeaf)
        {
            leaves.TryGetValue(node.Code, out var leaf);
            var survey = node.IsSurvey;
            result = leaf.NotApplicable
                ? new NodeResult(node.Code, 0m, 0m, node.Max, 0m, 0, 0, 1)
                : new NodeResult(node.Code, leaf.Points ?? 0m, node.Max, node.Max,
                    SelfAssessableMax: survey ? 0m : node.Max,
                    LeavesTotal: 1,
                    LeavesDone: leaf.Points is null ? 0 : 1,
                    LeavesNotApplicable: 0);
        }
        else
        {
            var children = new List<NodeResult>(node.Children.Count);
            foreach (var child in node.Children)
            {
                children.Add(Aggregate(child, leaves, indexBase, results));
            }

            result = NodeResult.Sum(node.Code, children);
        }

        results[node.Code] = result;
        return result;
    }
}

/// <summary>What an index is taken over.</summary>
public enum IndexBase
{
    /// <summary>The framework's maximum over applicable leaves, survey leaves included (the usual case).</summary>
    FullMaximum,

    /// <summary>The self-assessed maximum: the framework's survey is not run in the campaign.</summary>
    SelfAssessedMaximum,
}

/// <summary>Points, maxima and progress of one node (or of the whole assessment).</summary>
/// <param name="Max">The maximum over applicable leaves: the base of the index.</param>
/// <param name="FullMax">The framework's maximum, not-applicable leaves included.</param>
/// <param name="SelfAssessableMax">The applicable maximum without the survey leaves.</param>
public sealed record NodeResult(
    string Code,
    decimal Points,
    decimal Max,
    decimal FullMax,
    decimal SelfAssessableMax,
    int LeavesTotal,
    int LeavesDone,
    int LeavesNotApplicable)
{
    /// <summary>Points / max × 100, or null when nothing applies.</summary>
    public decimal? Index => IndexOf(Points, Max);

    /// <summary>Points / max × 100, or null when the maximum is 0: the one formula of every index.</summary>
    public static decimal? IndexOf(decimal points, decimal max) => max == 0 ? null : points / max * 100m;

    /// <summary>Points / self-assessable max × 100, the share shown while filling in.</summary>
    public decimal? SelfAssessedShare => SelfAssessableMax == 0 ? null : Points / SelfAssessableMax * 100m;

    internal static NodeResult Sum(string code, IReadOnlyList<NodeResult> children) =>
        new(code,
            children.Sum(c => c.Points),
            children.Sum(c => c.Max),
            children.Sum(c => c.FullMax),
            children.Sum(c => c.SelfAssessableMax),
            children.Sum(c => c.LeavesTotal),
            children.Sum(c => c.LeavesDone),
            children.Sum(c => c.LeavesNotApplicable));
}

/// <summary>The aggregated result of one assessment.</summary>
public sealed class AssessmentResult(NodeResult total, IReadOnlyList<NodeResult> fields, IReadOnlyDictionary<string, NodeResult> nodes)
{
    public const string TotalCode = "";

    public NodeResult Total { get; } = total;

    /// <summary>The fields (component indices), in official order.</summary>
    public IReadOnlyList<NodeResult> Fields { get; } = fields;

    /// <summary>Every node by code.</summary>
    public IReadOnlyDictionary<string, NodeResult> Nodes { get; } = nodes;

    public NodeResult this[string code] => Nodes[code];
}
