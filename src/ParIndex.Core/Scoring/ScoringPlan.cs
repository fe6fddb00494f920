using ParIndex.Core.Frameworks;

namespace ParIndex.Core.Scoring;

/// <summary>
/// A framework version compiled to flat arrays for scoring many units (ADR 0138): nodes depth first
/// in official order with their parent, children and maximum, and the fields; leaves with their input slot
/// and survey flag. Immutable once built, so one plan per framework version is shared by every
/// request; a <see cref="PlanScorer"/> aggregates one unit at a time into reusable buffers.
/// </summary>
public sealed class ScoringPlan
{
    private readonly Dictionary<string, int> leafByCode;

    private ScoringPlan(Framework framework)
    {
        Framework = framework;
        var nodes = framework.AllNodes().ToList();
        var position = new Dictionary<FrameworkNode, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < nodes.Count; i++)
        {
            position[nodes[i]] = i;
        }

        Codes = nodes.Select(n => n.Code).ToArray();
        NodeMax = nodes.Select(n => n.Max).ToArray();
        Parent = new int[nodes.Count];
        Array.Fill(Parent, -1);
        ChildStart = new int[nodes.Count];
        ChildCount = new int[nodes.Count];
        LeafOfNode = new int[nodes.Count];
        var children = new List<int>(nodes.Count);
        var leafNodes = new List<int>();
        for (var i = 0; i < nodes.Count; i++)
        {
            ChildStart[i] = children.Count;
            ChildCount[i] = nodes[i].Children.Count;
            foreach (var child in nodes[i].Children)
            {
                Parent[position[child]] = i;
                children.Add(position[child]);
            }

            LeafOfNode[i] = nodes[i].IsLeaf ? leafNodes.Count : -1;
            if (nodes[i].IsLeaf)
            {
                leafNodes.Add(i);
            }
        }

        Children = children.ToArray();
        NodeOfLeaf = leafNodes.ToArray();
        SurveyLeaf = leafNodes.Select(n => nodes[n].IsSurvey).ToArray();
        SurveyLeaves = Enumerable.Range(0, leafNodes.Count).Where(l => SurveyLeaf[l]).ToArray();
        FieldNodes = framework.Nodes.Select(f => position[f]).ToArray();
        // Children follow their parent in depth-first order, so the inner nodes backwards see every child summed first.
        InnerBottomUp = Enumerable.Range(0, nodes.Count).Where(i => LeafOfNode[i] < 0).Reverse().ToArray();
        // A node whose children are all leaves has them consecutive in leaf order (depth first): the
        // scorer sums them as it reads them, and the pass over the inner nodes skips it.
        LeavesOnly = Enumerable.Range(0, nodes.Count)
            .Select(i => LeafOfNode[i] < 0 && nodes[i].Children.All(c => c.IsLeaf))
            .ToArray();
        SummedAbove = InnerBottomUp.Where(i => !LeavesOnly[i]).ToArray();
        RunParentOfLeaf = leafNodes.Select(n => Parent[n] >= 0 && LeavesOnly[Parent[n]] ? Parent[n] : -1).ToArray();

        // A code the framework repeats (the validator refuses it; an old record may not) reads one input, as the dictionary-based calculator does.
        leafByCode = new Dictionary<string, int>(leafNodes.Count, StringComparer.Ordinal);
        InputSlot = new int[leafNodes.Count];
        for (var l = 0; l < leafNodes.Count; l++)
        {
            leafByCode.TryAdd(Codes[leafNodes[l]], l);
            InputSlot[l] = leafByCode[Codes[leafNodes[l]]];
        }

        ApplicableMax = [MaxWithEveryLeafApplicable(IndexBase.FullMaximum), MaxWithEveryLeafApplicable(IndexBase.SelfAssessedMaximum)];
        ApplicableTotalMax = [SumFields(ApplicableMax[0]), SumFields(ApplicableMax[1])];
    }

    public Framework Framework { get; }

    public int NodeCount => Codes.Length;

    public int LeafCount => NodeOfLeaf.Length;

    public int FieldCount => FieldNodes.Length;

    /// <summary>Node codes, depth first in official order.</summary>
    internal string[] Codes { get; }

    /// <summary>The framework's maximum of each node.</summary>
    internal decimal[] NodeMax { get; }

    /// <summary>The parent of each node; -1 for a field.</summary>
    internal int[] Parent { get; }

    /// <summary>Where each node's children start in <see cref="Children"/>, and how many there are.</summary>
    internal int[] ChildStart { get; }

    internal int[] ChildCount { get; }

    /// <summary>Child node indices, grouped by parent, in official order.</summary>
    internal int[] Children { get; }

    /// <summary>The leaf index of each node; -1 for an inner node.</summary>
    internal int[] LeafOfNode { get; }

    internal int[] NodeOfLeaf { get; }

    internal bool[] SurveyLeaf { get; }

    /// <summary>The survey leaves' indices, in official order.</summary>
    internal int[] SurveyLeaves { get; }

    /// <summary>The input each leaf reads: its own index, or the first leaf with the same code.</summary>
    internal int[] InputSlot { get; }

    internal int[] FieldNodes { get; }

    /// <summary>Inner nodes whose children are all leaves.</summary>
    internal bool[] LeavesOnly { get; }

    /// <summary>The inner nodes bottom up without those of <see cref="LeavesOnly"/>.</summary>
    internal int[] SummedAbove { get; }

    /// <summary>Each leaf's parent when that parent has only leaves as children, else -1.</summary>
    internal int[] RunParentOfLeaf { get; }

    /// <summary>Inner nodes, deepest last in official order first: a bottom-up pass.</summary>
    internal int[] InnerBottomUp { get; }

    /// <summary>Per index base, every node's maximum when no leaf is marked not applicable (the usual unit).</summary>
    internal decimal[][] ApplicableMax { get; }

    /// <summary>The total of <see cref="ApplicableMax"/>, per index base.</summary>
    internal decimal[] ApplicableTotalMax { get; }

    public static ScoringPlan Compile(Framework framework)
    {
        ArgumentNullException.ThrowIfNull(framework);
        return new ScoringPlan(framework);
    }

    /// <summary>The leaf index of a code, or -1 when the framework has no such leaf (such a row counts nothing).</summary>
    public int LeafIndexOf(string code) => leafByCode.TryGetValue(code, out var leaf) ? leaf : -1;

    public string LeafCode(int leaf) => Codes[NodeOfLeaf[leaf]];

    public bool IsSurveyLeaf(int leaf) => SurveyLeaf[leaf];

    public string FieldCode(int field) => Codes[FieldNodes[field]];

    /// <summary>The code of a node by its depth-first position.</summary>
    public string NodeCode(int node) => Codes[node];

    /// <summary>
    /// The rich result (every node as a <see cref="NodeResult"/>, for a score card) through
    /// <see cref="AssessmentCalculator"/>, the reference the fast path is tested against.
    /// </summary>
    public AssessmentResult Result(ReadOnlySpan<LeafScore> leaves, IndexBase indexBase)
    {
        CheckLength(leaves);
        var byCode = new Dictionary<string, LeafScore>(LeafCount, StringComparer.Ordinal);
        for (var l = 0; l < LeafCount; l++)
        {
            byCode.TryAdd(LeafCode(l), leaves[l]);
        }

        return AssessmentCalculator.Calculate(Framework, byCode, indexBase);
    }

    internal void CheckLength(ReadOnlySpan<LeafScore> leaves)
    {
        if (leaves.Length != LeafCount)
        {
            throw new ArgumentException($"Expected {LeafCount} leaf scores (one per leaf of {Framework.Id} {Framework.Version}), got {leaves.Length}.", nameof(leaves));
        }
    }

    /// <summary>Each node's maximum with every leaf applicable, summed child by child as the calculator sums.</summary>
    private decimal[] MaxWithEveryLeafApplicable(IndexBase indexBase)
    {
        var max = new decimal[NodeCount];
        for (var l = 0; l < LeafCount; l++)
        {
            max[NodeOfLeaf[l]] = SurveyLeaf[l] && indexBase == IndexBase.SelfAssessedMaximum ? 0m : NodeMax[NodeOfLeaf[l]];
        }

        foreach (var node in InnerBottomUp)
        {
            max[node] = SumChildren(max, node);
        }

        return max;
    }

    /// <summary>0 + first child + second child…: the order and so the exact decimal of <see cref="NodeResult"/>'s sums.</summary>
    internal decimal SumChildren(decimal[] values, int node)
    {
        var sum = 0m;
        var end = ChildStart[node] + ChildCount[node];
        for (var c = ChildStart[node]; c < end; c++)
        {
            sum += values[Children[c]];
        }

        return sum;
    }

    /// <summary>0 + first field + second field…, the total as the calculator sums it.</summary>
    internal decimal SumFields(decimal[] values)
    {
        var sum = 0m;
        foreach (var field in FieldNodes)
        {
            sum += values[field];
        }

        return sum;
    }
}
