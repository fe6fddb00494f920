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
        foreach (var node in previousFramework.AllNodes())
        {
            var translated = crosswalk.Translate(node.Code, currentFramework);
            if (translated is not null && previous.Nodes.TryGetValue(node.Code, out var result))
            {
                previousByCurrentCode[translated] = result.Index;
            }
        }

        var changes = new List<IndexChange> { new(AssessmentResult.TotalCode, previous.Total.Index, current.Total.Index) };
        foreach (var field in currentFramework.Nodes)
        {
            previousByCurrentCode.TryGetValue(field.Code, out var before);
            changes.Add(new IndexChange(field.Code, before, current.Nodes.TryGetValue(field.Code, out var now) ? now.Index : null));
        }

        return changes;
    }
}
