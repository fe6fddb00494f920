namespace ParIndex.Core.Frameworks;

/// <summary>
/// One node of a framework: a field (<c>1</c>), criterion (<c>1.3</c>), sub-criterion
/// (<c>1.3.1</c>) or deeper. Inner nodes' maxima equal the sum of their children's.
/// </summary>
public sealed class FrameworkNode
{
    /// <summary>Hierarchical code, dot separated: <c>3.4.1</c>.</summary>
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>Maximum points (điểm chuẩn).</summary>
    public required decimal Max { get; init; }

    /// <summary>How a leaf is scored. Null on inner nodes (their score is the sum of their children's).</summary>
    public ScoringRule? Rule { get; init; }

    /// <summary>Guidance for the unit: what counts, which evidence is expected.</summary>
    public string? Guidance { get; init; }

    public IReadOnlyList<FrameworkNode> Children { get; init; } = [];

    public bool IsLeaf => Children.Count == 0;

    /// <summary>Depth from 1 (field) downwards, derived from the code.</summary>
    public int Level => Code.Count(c => c == '.') + 1;

    /// <summary>The rule that applies: a leaf without an explicit rule is scored manually.</summary>
    public ScoringRule EffectiveRule => Rule ?? ManualRule.Instance;

    /// <summary>True where the points come from the sociological survey.</summary>
    public bool IsSurvey => IsLeaf && Rule is SurveyRule;

    public IEnumerable<FrameworkNode> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var node in child.SelfAndDescendants())
            {
                yield return node;
            }
        }
    }

    public override string ToString() => $"{Code} {Title}";
}
